package dev.cordon.events.bulk;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Targets of a bulk the rules refused, each with its code and message: never skipped in silence. Recorded in
 * chunks as the bulk is dispatched, not once per device, so that a bulk of thousands stays a short history.
 */
@Revision("1")
public record BulkActionTargetsRefusedEvent(
        String bulkId,
        List<BulkRefusal> refusals,
        Instant refusedAt) implements BulkActionEvent {

    public BulkActionTargetsRefusedEvent {
        refusals = List.copyOf(refusals);
    }

    @Override
    public Instant occurredAt() {
        return refusedAt;
    }
}
