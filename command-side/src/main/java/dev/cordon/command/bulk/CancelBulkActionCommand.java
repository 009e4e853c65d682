package dev.cordon.command.bulk;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops the dispatch; the bulk's open actions are then cancelled each by its own device's command. */
public record CancelBulkActionCommand(
        @TargetAggregateIdentifier String bulkId,
        String requestor,
        String comment,
        Instant cancelledAt) {
}
