package dev.cordon.command.bulk;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every target has its action or its refusal. */
public record CompleteBulkDispatchCommand(
        @TargetAggregateIdentifier String bulkId,
        Instant dispatchedAt) {
}
