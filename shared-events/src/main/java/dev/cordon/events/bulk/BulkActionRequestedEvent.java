package dev.cordon.events.bulk;

import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A requestor asked for one action on many devices. {@code machineIds} are the targets as resolved when the request
 * was accepted (a filter's matches are recorded, not only the filter): what the bulk covered must not change when
 * the devices do.
 *
 * @param isolationType null for Unisolate
 * @param filter        the machines {@code $filter} as sent, null when the caller named the devices
 */
@Revision("1")
public record BulkActionRequestedEvent(
        String bulkId,
        ActionType actionType,
        IsolationType isolationType,
        String comment,
        String filter,
        List<String> machineIds,
        String requestor,
        String requestSource,
        String externalId,
        Instant requestedAt) implements BulkActionEvent {

    public BulkActionRequestedEvent {
        machineIds = List.copyOf(machineIds);
    }

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
