package dev.cordon.command.device;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.IsolationState;

/** The device's one open action. */
record OpenAction(String actionId, ActionType type, IsolationType isolationType, ActionStatus status) {

    OpenAction started() {
        return new OpenAction(actionId, type, isolationType, ActionStatus.InProgress);
    }

    /** Where a cancel or a timeout leaves the device: isolation starts from NotIsolated, release from Isolated. */
    IsolationState stateBefore() {
        return type == ActionType.Isolate ? IsolationState.NotIsolated : IsolationState.Isolated;
    }
}
