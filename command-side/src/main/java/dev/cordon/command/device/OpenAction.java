package dev.cordon.command.device;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.IsolationState;

/** The device's one open action, and the state the device returns to if it is cancelled or times out. */
record OpenAction(
        String actionId,
        ActionType type,
        IsolationType isolationType,
        ActionStatus status,
        IsolationState stateBefore) {

    OpenAction started() {
        return new OpenAction(actionId, type, isolationType, ActionStatus.InProgress, stateBefore);
    }
}
