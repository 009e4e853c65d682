package dev.cordon.query.projection;

import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.DeviceIsolationFailedEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseFailedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.transition.IsolationTransitions;
import dev.cordon.query.action.MachineActionView;

/**
 * The Action center's view of each action as a pure function: its type and status from the shared transitions
 * (IsolationTransitions), the rest from the payloads. Times come from the payloads only, so folding the same
 * history again yields the same view.
 */
public final class MachineActionFold {

    private MachineActionFold() {
    }

    /**
     * @return the action after {@code event}; null when the event reports on an action whose request was never seen
     */
    public static MachineActionView apply(MachineActionView current, MachineActionEvent event) {
        ActionStatus status = IsolationTransitions.statusAfter(event);
        if (event instanceof DeviceIsolationRequestedEvent e) {
            return new MachineActionView(e.actionId(), IsolationTransitions.actionType(e), e.isolationType(), null,
                    e.requestor(), e.comment(), e.requestSource(), e.externalId(), status, e.deviceId(),
                    e.computerDnsName(), e.requestedAt(), e.requestedAt(), null, null, null, 0, e.bulkId());
        }
        if (event instanceof DeviceReleaseRequestedEvent e) {
            return new MachineActionView(e.actionId(), IsolationTransitions.actionType(e), null, null, e.requestor(),
                    e.comment(), e.requestSource(), e.externalId(), status, e.deviceId(), e.computerDnsName(),
                    e.requestedAt(), e.requestedAt(), null, null, null, 0, e.bulkId());
        }
        if (current == null) {
            return null;
        }
        if (event instanceof MachineActionCancelledEvent e) {
            return current.withCancellation(status, e.cancellationRequestor(), e.cancellationComment(),
                    e.cancelledAt());
        }
        if (event instanceof DeviceIsolationFailedEvent e) {
            return current.withFailure(status, e.errorHResult(), e.failedAt());
        }
        if (event instanceof DeviceReleaseFailedEvent e) {
            return current.withFailure(status, e.errorHResult(), e.failedAt());
        }
        return current.withStatus(status, event.occurredAt());
    }
}
