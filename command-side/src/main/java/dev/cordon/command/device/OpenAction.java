package dev.cordon.command.device;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.transition.IsolationTransitions;
import java.time.Instant;

/**
 * The device's one open action, with what its request said: a command on it answers the whole action from the
 * aggregate, never from a read after the commit (which may fail once the command is stored).
 */
record OpenAction(String actionId, ActionType type, IsolationType isolationType, ActionStatus status,
                  String computerDnsName, String requestor, String comment, String requestSource, String externalId,
                  Instant requestedAt) {

    /** The open action after {@code event}: a request opens one, a start moves it on, any end closes it (null). */
    static OpenAction after(OpenAction current, MachineActionEvent event) {
        ActionStatus status = IsolationTransitions.statusAfter(event);
        if (!IsolationTransitions.isOpen(status)) {
            return null;
        }
        if (event instanceof DeviceIsolationRequestedEvent r) {
            return new OpenAction(r.actionId(), IsolationTransitions.actionType(r), r.isolationType(), status,
                    r.computerDnsName(), r.requestor(), r.comment(), r.requestSource(), r.externalId(),
                    r.requestedAt());
        }
        if (event instanceof DeviceReleaseRequestedEvent r) {
            return new OpenAction(r.actionId(), IsolationTransitions.actionType(r), null, status,
                    r.computerDnsName(), r.requestor(), r.comment(), r.requestSource(), r.externalId(),
                    r.requestedAt());
        }
        if (current == null) {
            // A start without its request: no stored history has one, and a rebuild must not fail on it.
            return new OpenAction(event.actionId(), IsolationTransitions.actionType(event), null, status, null, null,
                    null, null, null, null);
        }
        return new OpenAction(current.actionId(), current.type(), current.isolationType(), status,
                current.computerDnsName(), current.requestor(), current.comment(), current.requestSource(),
                current.externalId(), current.requestedAt());
    }

    /**
     * This action as {@code event}, one of its own, left it: what the command that applied the event answers, field
     * for field what {@code action_index} keeps (ActionIndexProjection).
     */
    ActionRecord answerAfter(String deviceId, MachineActionEvent event) {
        MachineActionCancelledEvent cancel = event instanceof MachineActionCancelledEvent c ? c : null;
        return new ActionRecord(actionId, deviceId, type, isolationType, IsolationTransitions.statusAfter(event),
                computerDnsName, requestor, comment, requestSource, externalId, requestedAt, event.occurredAt(),
                cancel == null ? null : cancel.cancellationRequestor(),
                cancel == null ? null : cancel.cancellationComment(),
                cancel == null ? null : cancel.cancelledAt(), ActionRecord.errorHResultOf(event));
    }
}
