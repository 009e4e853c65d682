package dev.cordon.query.action;

import dev.cordon.events.MachineActionEvent;
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

/**
 * The Action center's state transitions as a pure function. Times come from the event payloads only,
 * so folding the same history again yields the same view.
 */
public final class MachineActionFold {

    private MachineActionFold() {
    }

    /**
     * @return the action after {@code event}; null when the event reports on an action whose request was never seen
     */
    public static MachineActionView apply(MachineActionView current, MachineActionEvent event) {
        if (event instanceof DeviceIsolationRequestedEvent e) {
            return new MachineActionView(e.actionId(), ActionType.Isolate, e.isolationType(), null, e.requestor(),
                    e.comment(), e.requestSource(), e.externalId(), ActionStatus.Pending, e.deviceId(),
                    e.computerDnsName(), e.requestedAt(), e.requestedAt(), null, null, null, 0);
        }
        if (event instanceof DeviceReleaseRequestedEvent e) {
            return new MachineActionView(e.actionId(), ActionType.Unisolate, null, null, e.requestor(),
                    e.comment(), e.requestSource(), e.externalId(), ActionStatus.Pending, e.deviceId(),
                    e.computerDnsName(), e.requestedAt(), e.requestedAt(), null, null, null, 0);
        }
        if (current == null) {
            return null;
        }
        if (event instanceof MachineActionStartedEvent e) {
            return current.withStatus(ActionStatus.InProgress, e.reportedAt());
        }
        if (event instanceof DeviceIsolatedEvent e) {
            return current.withStatus(ActionStatus.Succeeded, e.completedAt());
        }
        if (event instanceof DeviceReleasedEvent e) {
            return current.withStatus(ActionStatus.Succeeded, e.completedAt());
        }
        if (event instanceof DeviceIsolationFailedEvent e) {
            return current.withFailure(e.errorHResult(), e.failedAt());
        }
        if (event instanceof DeviceReleaseFailedEvent e) {
            return current.withFailure(e.errorHResult(), e.failedAt());
        }
        if (event instanceof MachineActionCancelledEvent e) {
            return current.withCancellation(e.cancellationRequestor(), e.cancellationComment(), e.cancelledAt());
        }
        if (event instanceof MachineActionTimedOutEvent e) {
            return current.withStatus(ActionStatus.TimeOut, e.timedOutAt());
        }
        throw ActionEvents.unknown(event);
    }
}
