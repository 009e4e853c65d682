package dev.cordon.command.bulk;

import dev.cordon.command.config.AxonConfig;
import dev.cordon.events.bulk.BulkActionCancelledEvent;
import dev.cordon.events.bulk.BulkActionDispatchedEvent;
import dev.cordon.events.bulk.BulkActionTargetsRefusedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps a bulk's status and refusals in the same transaction as its events (a subscribing processor), so that
 * GET /api/bulkactions/{id} reads its own writes. The row itself is written by the creating command
 * (BulkActionRegistry), with what the event does not carry: the caller's scope and the lease.
 */
@Component
@ProcessingGroup(AxonConfig.BULK_ACTIONS_PROCESSOR)
class BulkActionProjection {

    private final BulkActionTable table;

    BulkActionProjection(BulkActionTable table) {
        this.table = table;
    }

    @EventHandler
    void on(BulkActionTargetsRefusedEvent e) {
        table.insertRefusals(e.bulkId(), e.refusals(), e.refusedAt());
    }

    @EventHandler
    void on(BulkActionDispatchedEvent e) {
        table.markDispatched(e.bulkId());
    }

    @EventHandler
    void on(BulkActionCancelledEvent e) {
        table.markCancelled(e.bulkId(), e.requestor(), e.comment(), e.cancelledAt());
    }
}
