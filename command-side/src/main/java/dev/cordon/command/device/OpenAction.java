package dev.cordon.command.device;

import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.transition.IsolationTransitions;

/** The device's one open action. */
record OpenAction(String actionId, ActionType type, IsolationType isolationType, ActionStatus status) {

    /** The open action after {@code event}: a request opens one, a start moves it on, any end closes it (null). */
    static OpenAction after(OpenAction current, MachineActionEvent event) {
        ActionStatus status = IsolationTransitions.statusAfter(event);
        if (!IsolationTransitions.isOpen(status)) {
            return null;
        }
        IsolationType isolationType = event instanceof DeviceIsolationRequestedEvent requested
                ? requested.isolationType() : current == null ? null : current.isolationType();
        return new OpenAction(event.actionId(), IsolationTransitions.actionType(event), isolationType, status);
    }
}
