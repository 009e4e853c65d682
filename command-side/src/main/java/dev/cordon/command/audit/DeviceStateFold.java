package dev.cordon.command.audit;

import dev.cordon.events.DeviceEvent;
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

/**
 * The device aggregate's isolation transitions as a pure function, for answering "what was true at that
 * instant". Kept apart from the aggregate (which holds only what its rules need) and from the query side's
 * folds (which answer for now, from Kafka): the same events, the same transitions, more detail kept.
 */
final class DeviceStateFold {

    private DeviceStateFold() {
    }

    static DeviceState apply(DeviceState current, DeviceEvent event) {
        DeviceState device = current == null ? DeviceState.REGISTERED : current;
        if (event instanceof DeviceRegisteredEvent || event instanceof DeviceDetailsUpdatedEvent) {
            return device;
        }
        if (event instanceof DeviceIsolationRequestedEvent e) {
            return new DeviceState(IsolationState.IsolationPending, null, null, new OpenActionState(e.actionId(),
                    ActionType.Isolate, e.isolationType(), e.keptConnectedApplications(), ActionStatus.Pending,
                    e.requestor(), e.comment(), e.requestSource(), e.externalId(), e.requestedAt(), e.requestedAt()));
        }
        if (event instanceof DeviceReleaseRequestedEvent e) {
            return new DeviceState(IsolationState.ReleasePending, device.scope(), device.keptConnectedApplications(),
                    new OpenActionState(e.actionId(), ActionType.Unisolate, null, null, ActionStatus.Pending,
                            e.requestor(), e.comment(), e.requestSource(), e.externalId(), e.requestedAt(),
                            e.requestedAt()));
        }
        if (event instanceof MachineActionStartedEvent e) {
            return new DeviceState(device.state(), device.scope(), device.keptConnectedApplications(),
                    device.openAction() == null ? null : device.openAction().started(e.reportedAt()));
        }
        if (event instanceof DeviceIsolatedEvent e) {
            OpenActionState request = device.openAction();
            return new DeviceState(IsolationState.Isolated, e.isolationType(),
                    request == null ? null : request.keptConnectedApplications(), null);
        }
        if (event instanceof DeviceIsolationFailedEvent || event instanceof DeviceReleasedEvent) {
            return notIsolated();
        }
        if (event instanceof DeviceReleaseFailedEvent) {
            return isolatedAsBefore(device);
        }
        if (event instanceof MachineActionCancelledEvent e) {
            return backToStateBefore(device, e.actionType());
        }
        if (event instanceof MachineActionTimedOutEvent e) {
            return backToStateBefore(device, e.actionType());
        }
        throw new IllegalArgumentException("Unhandled device event " + event.getClass().getName());
    }

    /** A cancelled or timed-out action changed nothing: an Isolate started from NotIsolated, an Unisolate from Isolated. */
    private static DeviceState backToStateBefore(DeviceState device, ActionType type) {
        return type == ActionType.Isolate ? notIsolated() : isolatedAsBefore(device);
    }

    private static DeviceState notIsolated() {
        return DeviceState.REGISTERED;
    }

    private static DeviceState isolatedAsBefore(DeviceState device) {
        return new DeviceState(IsolationState.Isolated, device.scope(), device.keptConnectedApplications(), null);
    }
}
