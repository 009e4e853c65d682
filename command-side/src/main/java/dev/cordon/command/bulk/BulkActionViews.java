package dev.cordon.command.bulk;

import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.api.MachineActionResponse;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.request.PublicUrlProperties;
import dev.cordon.service.security.DeviceScope;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A bulk as its caller reads it, from the command side's own tables (read-your-writes: the 202 already shows it).
 * A bulk is seen only by callers whose groups cover all of the requesting caller's: one made with a wider scope
 * could name devices outside the reader's groups, so for the reader it does not exist (ResourceNotFound).
 */
@Component
class BulkActionViews {

    private final BulkActionTable table;
    private final ActionIndex actions;
    private final String publicBaseUrl;

    BulkActionViews(BulkActionTable table, ActionIndex actions, PublicUrlProperties publicUrl) {
        this.table = table;
        this.actions = actions;
        this.publicBaseUrl = publicUrl.publicBaseUrl();
    }

    BulkActionRow require(String bulkId, DeviceScope reader) {
        return table.find(bulkId).filter(bulk -> covers(reader, bulk.scope()))
                .orElseThrow(() -> unknown(bulkId));
    }

    static RuleViolationException unknown(String bulkId) {
        return new RuleViolationException(ErrorCode.ResourceNotFound, "Bulk action " + bulkId + " was not found.");
    }

    BulkActionResponse view(BulkActionRow bulk, int top, int skip) {
        Map<ActionStatus, Integer> byStatus = actions.statusCountsOfBulk(bulk.bulkId());
        int accepted = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> refusedByCode = table.refusalsByCode(bulk.bulkId());
        int refused = refusedByCode.values().stream().mapToInt(Integer::intValue).sum();
        var counts = new BulkActionResponse.Counts(bulk.targeted(), accepted, refused, refusedByCode,
                count(byStatus, ActionStatus.Pending), count(byStatus, ActionStatus.InProgress),
                count(byStatus, ActionStatus.Succeeded), count(byStatus, ActionStatus.Failed),
                count(byStatus, ActionStatus.TimeOut), count(byStatus, ActionStatus.Cancelled));
        List<BulkActionResponse.Action> page = actions.actionsOfBulk(bulk.bulkId(), top, skip).stream()
                .map(a -> new BulkActionResponse.Action(MachineActionResponse.of(a, null), bulk.bulkId())).toList();
        String next = skip + page.size() < accepted && !page.isEmpty()
                ? publicBaseUrl + "/api/bulkactions/" + bulk.bulkId() + "?$top=" + top + "&$skip=" + (skip + top)
                : null;
        return new BulkActionResponse(bulk.bulkId(), bulk.actionType().name(),
                bulk.isolationType() == null ? null : bulk.isolationType().name(), bulk.comment(), bulk.filter(),
                bulk.externalId(), bulk.requestor(), bulk.requestSource(), bulk.createdAt(), bulk.status().name(),
                counts, table.refusals(bulk.bulkId()), page, next);
    }

    private static int count(Map<ActionStatus, Integer> byStatus, ActionStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** Whether every device the requester could name is one the reader may see. */
    private static boolean covers(DeviceScope reader, DeviceScope requester) {
        if (reader.all()) {
            return true;
        }
        return !requester.all() && requester.groups().stream().allMatch(reader::covers);
    }
}
