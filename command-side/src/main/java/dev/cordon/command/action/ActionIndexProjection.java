package dev.cordon.command.action;

import dev.cordon.command.config.AxonConfig;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.transition.IsolationTransitions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code action_index} in the same transaction as the events (a subscribing processor), so an action
 * that is stored is always findable by its id, and one that is not stored never is. Each action's type and status
 * come from the shared transitions (IsolationTransitions); a bulk's actions carry its id (the event's bulkId).
 */
@Component
@ProcessingGroup(AxonConfig.ACTION_INDEX_PROCESSOR)
class ActionIndexProjection {

    private final ActionIndex index;

    ActionIndexProjection(ActionIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(DeviceIsolationRequestedEvent e) {
        index.insert(new ActionRecord(e.actionId(), e.deviceId(), IsolationTransitions.actionType(e),
                e.isolationType(), IsolationTransitions.statusAfter(e), e.computerDnsName(), e.requestor(),
                e.comment(), e.requestSource(), e.externalId(), e.requestedAt(), e.requestedAt(), null, null, null, 0),
                e.bulkId());
    }

    @EventHandler
    void on(DeviceReleaseRequestedEvent e) {
        index.insert(new ActionRecord(e.actionId(), e.deviceId(), IsolationTransitions.actionType(e), null,
                IsolationTransitions.statusAfter(e), e.computerDnsName(), e.requestor(), e.comment(),
                e.requestSource(), e.externalId(), e.requestedAt(), e.requestedAt(), null, null, null, 0), e.bulkId());
    }

    @EventHandler
    void on(MachineActionCancelledEvent e) {
        index.cancel(e.actionId(), IsolationTransitions.statusAfter(e), e.cancellationRequestor(),
                e.cancellationComment(), e.cancelledAt());
    }

    /** Every other action event moves the action's status: a start, a success, a failure, a timeout. */
    @EventHandler
    void on(MachineActionEvent e) {
        ActionStatus status = IsolationTransitions.statusAfter(e);
        index.updateStatus(e.actionId(), status, e.occurredAt(), ActionRecord.errorHResultOf(e));
    }
}
