package dev.cordon.events.bulk;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A requestor cancelled the bulk: no further target is dispatched, and its open actions are cancelled one by one. */
@Revision("1")
public record BulkActionCancelledEvent(
        String bulkId,
        String requestor,
        String comment,
        Instant cancelledAt) implements BulkActionEvent {

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
