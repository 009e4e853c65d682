package dev.cordon.command.action;

import dev.cordon.command.config.AxonConfig;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolatedEvent;
import dev.cordon.events.action.DeviceIsolationFailedEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseFailedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.DeviceReleasedEvent;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.action.MachineActionStartedEvent;
import dev.cordon.events.action.MachineActionTimedOutEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code action_index} in the same transaction as the events (a subscribing processor), so an action
 * that is stored is always findable by its id, and one that is not stored never is.
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
        index.insert(new ActionRecord(e.actionId(), e.deviceId(), ActionType.Isolate, e.isolationType(),
                ActionStatus.Pending, e.computerDnsName(), e.requestor(), e.comment(), e.requestSource(),
                e.externalId(), e.requestedAt(), e.requestedAt(), null, null, null, 0));
    }

    @EventHandler
    void on(DeviceReleaseRequestedEvent e) {
        index.insert(new ActionRecord(e.actionId(), e.deviceId(), ActionType.Unisolate, null,
                ActionStatus.Pending, e.computerDnsName(), e.requestor(), e.comment(), e.requestSource(),
                e.externalId(), e.requestedAt(), e.requestedAt(), null, null, null, 0));
    }

    @EventHandler
    void on(MachineActionStartedEvent e) {
        index.updateStatus(e.actionId(), ActionStatus.InProgress, e.reportedAt(), 0);
    }

    @EventHandler
    void on(DeviceIsolatedEvent e) {
        index.updateStatus(e.actionId(), ActionStatus.Succeeded, e.completedAt(), 0);
    }

    @EventHandler
    void on(DeviceReleasedEvent e) {
        index.updateStatus(e.actionId(), ActionStatus.Succeeded, e.completedAt(), 0);
    }

    @EventHandler
    void on(DeviceIsolationFailedEvent e) {
        index.updateStatus(e.actionId(), ActionStatus.Failed, e.failedAt(), e.errorHResult());
    }

    @EventHandler
    void on(DeviceReleaseFailedEvent e) {
        index.updateStatus(e.actionId(), ActionStatus.Failed, e.failedAt(), e.errorHResult());
    }

    @EventHandler
    void on(MachineActionCancelledEvent e) {
        index.cancel(e.actionId(), e.cancellationRequestor(), e.cancellationComment(), e.cancelledAt());
    }

    @EventHandler
    void on(MachineActionTimedOutEvent e) {
        index.updateStatus(e.actionId(), ActionStatus.TimeOut, e.timedOutAt(), 0);
    }
}
