package dev.cordon.command.audit;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.transition.IsolationTransitions;
import java.util.List;

/**
 * A device's isolation after each event, for answering "what was true at that instant": the shared transitions
 * (IsolationTransitions) for the state and scope, with more detail kept than the aggregate needs (the open action as
 * requested, the applications a selective isolation keeps connected).
 */
final class DeviceStateFold {

    private DeviceStateFold() {
    }

    static DeviceState apply(DeviceState current, DeviceEvent event) {
        DeviceState device = current == null ? DeviceState.REGISTERED : current;
        if (!IsolationTransitions.covers(event.getClass())) {
            throw new IllegalArgumentException("Unhandled device event " + event.getClass().getName());
        }
        if (!(event instanceof MachineActionEvent action)) {
            return device; // registration and details change no isolation
        }
        IsolationState state = IsolationTransitions.stateAfter(device.state(), action);
        OpenActionState open = openAction(device.openAction(), action);
        return new DeviceState(state, IsolationTransitions.scopeAfter(device.scope(), action),
                keptConnected(device, state), open);
    }

    /** The action as requested while it is open; gone once it ended. */
    private static OpenActionState openAction(OpenActionState current, MachineActionEvent event) {
        ActionStatus status = IsolationTransitions.statusAfter(event);
        if (!IsolationTransitions.isOpen(status)) {
            return null;
        }
        if (event instanceof DeviceIsolationRequestedEvent e) {
            return new OpenActionState(e.actionId(), ActionType.Isolate, e.isolationType(),
                    e.keptConnectedApplications(), status, e.requestor(), e.comment(), e.requestSource(),
                    e.externalId(), e.requestedAt(), e.requestedAt());
        }
        if (event instanceof DeviceReleaseRequestedEvent e) {
            return new OpenActionState(e.actionId(), ActionType.Unisolate, null, null, status, e.requestor(),
                    e.comment(), e.requestSource(), e.externalId(), e.requestedAt(), e.requestedAt());
        }
        return current == null ? null : current.started(event.occurredAt());
    }

    /**
     * What a selective isolation keeps connected describes the isolation in place: those of the request once it
     * succeeds, kept while the device stays isolated, none once it is not.
     */
    private static List<String> keptConnected(DeviceState before, IsolationState state) {
        if (state == IsolationState.NotIsolated || state == IsolationState.IsolationPending) {
            return null;
        }
        if (state == IsolationState.Isolated && before.state() == IsolationState.IsolationPending) {
            return before.openAction() == null ? null : before.openAction().keptConnectedApplications();
        }
        return before.keptConnectedApplications();
    }
}
