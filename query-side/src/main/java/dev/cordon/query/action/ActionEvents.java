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

/** What every action event says on its own: the action's type and its status once the event happened. */
public final class ActionEvents {

    private ActionEvents() {
    }

    public static ActionType actionType(MachineActionEvent event) {
        if (event instanceof DeviceIsolationRequestedEvent || event instanceof DeviceIsolatedEvent
                || event instanceof DeviceIsolationFailedEvent) {
            return ActionType.Isolate;
        }
        if (event instanceof DeviceReleaseRequestedEvent || event instanceof DeviceReleasedEvent
                || event instanceof DeviceReleaseFailedEvent) {
            return ActionType.Unisolate;
        }
        if (event instanceof MachineActionStartedEvent e) {
            return e.actionType();
        }
        if (event instanceof MachineActionCancelledEvent e) {
            return e.actionType();
        }
        if (event instanceof MachineActionTimedOutEvent e) {
            return e.actionType();
        }
        throw unknown(event);
    }

    public static ActionStatus statusAfter(MachineActionEvent event) {
        if (event instanceof DeviceIsolationRequestedEvent || event instanceof DeviceReleaseRequestedEvent) {
            return ActionStatus.Pending;
        }
        if (event instanceof MachineActionStartedEvent) {
            return ActionStatus.InProgress;
        }
        if (event instanceof DeviceIsolatedEvent || event instanceof DeviceReleasedEvent) {
            return ActionStatus.Succeeded;
        }
        if (event instanceof DeviceIsolationFailedEvent || event instanceof DeviceReleaseFailedEvent) {
            return ActionStatus.Failed;
        }
        if (event instanceof MachineActionCancelledEvent) {
            return ActionStatus.Cancelled;
        }
        if (event instanceof MachineActionTimedOutEvent) {
            return ActionStatus.TimeOut;
        }
        throw unknown(event);
    }

    static IllegalArgumentException unknown(Object event) {
        return new IllegalArgumentException("Unhandled action event " + event.getClass().getName());
    }
}
