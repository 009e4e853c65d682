package dev.cordon.command.bulk;

import dev.cordon.events.bulk.BulkRefusal;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One chunk's targets that the device rules refused. */
public record RecordBulkRefusalsCommand(
        @TargetAggregateIdentifier String bulkId,
        List<BulkRefusal> refusals,
        Instant refusedAt) {

    public RecordBulkRefusalsCommand {
        refusals = List.copyOf(refusals);
    }
}
