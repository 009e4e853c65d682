package dev.cordon.query.action;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.query.odata.FilterField;
import dev.cordon.query.odata.FilterSchema;
import dev.cordon.query.odata.OrderBy;
import java.util.List;

/**
 * The fields of {@code GET /api/machineactions} that {@code $filter} accepts, as the Defender API documents them,
 * and the orders {@code $orderby} accepts (newest first by default).
 */
final class MachineActionFilter {

    static final FilterSchema SCHEMA = new FilterSchema(List.of(
            FilterField.string("id", "id").normalisedBy(ActionIds::normalise),
            FilterField.enumeration("status", "status", ActionStatus.class),
            FilterField.string("machineId", "machine_id"),
            FilterField.enumeration("type", "type", ActionType.class),
            FilterField.string("requestor", "requestor"),
            FilterField.instant("creationDateTimeUtc", "creation_date_time_utc"),
            // Cordon's own: a bulk action's actions (GET /api/bulkactions/{id} has its counts).
            FilterField.string("bulkActionId", "bulk_action_id")));

    static final List<OrderBy> ORDERINGS = List.of(
            new OrderBy("creationDateTimeUtc desc", "creation_date_time_utc DESC, id DESC"),
            new OrderBy("creationDateTimeUtc asc", "creation_date_time_utc ASC, id ASC"));

    private MachineActionFilter() {
    }
}
