package dev.cordon.events.bulk;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Every target of the bulk has its machine action or its refusal. */
@Revision("1")
public record BulkActionDispatchedEvent(
        String bulkId,
        int accepted,
        int refused,
        Instant dispatchedAt) implements BulkActionEvent {

    @Override
    public Instant occurredAt() {
        return dispatchedAt;
    }
}
