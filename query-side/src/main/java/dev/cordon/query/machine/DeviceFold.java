package dev.cordon.query.machine;

import dev.cordon.events.DeviceEvent;
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
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.IsolationState;
import dev.cordon.query.action.ActionEvents;
import java.time.Instant;

/** The device's isolation state machine as a pure function; times come from the event payloads only. */
public final class DeviceFold {

    private DeviceFold() {
    }

    public static MachineView apply(MachineView current, DeviceEvent event) {
        MachineView device = current != null ? current : MachineView.unknown(event.deviceId());
        if (event instanceof DeviceRegisteredEvent e) {
            return device.withDetails(e.computerDnsName(), e.osPlatform(), e.osBuild(), e.version(),
                    e.aadDeviceId(), e.registeredAt());
        }
        if (event instanceof DeviceDetailsUpdatedEvent e) {
            return device.withDetails(e.computerDnsName(), e.osPlatform(), e.osBuild(), e.version(),
                    e.aadDeviceId(), e.updatedAt());
        }
        if (event instanceof MachineActionEvent e) {
            return onAction(device, e);
        }
        throw new IllegalArgumentException("Unhandled device event " + event.getClass().getName());
    }

    private static MachineView onAction(MachineView device, MachineActionEvent event) {
        String actionId = event.actionId();
        ActionType type = ActionEvents.actionType(event);
        ActionStatus status = ActionEvents.statusAfter(event);
        if (event instanceof DeviceIsolationRequestedEvent e) {
            return device.withAction(IsolationState.IsolationPending, device.isolationScope(), actionId, actionId,
                    type, status, e.requestedAt());
        }
        if (event instanceof DeviceReleaseRequestedEvent e) {
            return device.withAction(IsolationState.ReleasePending, device.isolationScope(), actionId, actionId,
                    type, status, e.requestedAt());
        }
        if (event instanceof MachineActionStartedEvent e) {
            return device.withAction(device.isolationState(), device.isolationScope(), device.pendingActionId(),
                    actionId, type, status, e.reportedAt());
        }
        if (event instanceof DeviceIsolatedEvent e) {
            return device.withAction(IsolationState.Isolated, e.isolationType(), null, actionId, type, status,
                    e.completedAt());
        }
        if (event instanceof DeviceIsolationFailedEvent e) {
            return device.withAction(IsolationState.NotIsolated, null, null, actionId, type, status, e.failedAt());
        }
        if (event instanceof DeviceReleasedEvent e) {
            return device.withAction(IsolationState.NotIsolated, null, null, actionId, type, status,
                    e.completedAt());
        }
        if (event instanceof DeviceReleaseFailedEvent e) {
            return device.withAction(IsolationState.Isolated, device.isolationScope(), null, actionId, type, status,
                    e.failedAt());
        }
        if (event instanceof MachineActionCancelledEvent e) {
            return backToStateBefore(device, actionId, type, status, e.cancelledAt());
        }
        if (event instanceof MachineActionTimedOutEvent e) {
            return backToStateBefore(device, actionId, type, status, e.timedOutAt());
        }
        throw new IllegalArgumentException("Unhandled action event " + event.getClass().getName());
    }

    /** A cancelled or timed-out action leaves the device as it was: an Isolate never happened, an Unisolate neither. */
    private static MachineView backToStateBefore(MachineView device, String actionId, ActionType type,
                                                 ActionStatus status, Instant at) {
        return type == ActionType.Isolate
                ? device.withAction(IsolationState.NotIsolated, null, null, actionId, type, status, at)
                : device.withAction(IsolationState.Isolated, device.isolationScope(), null, actionId, type, status, at);
    }
}
