package dev.cordon.events.transition;

import static dev.cordon.events.action.ActionStatus.Cancelled;
import static dev.cordon.events.action.ActionStatus.Failed;
import static dev.cordon.events.action.ActionStatus.InProgress;
import static dev.cordon.events.action.ActionStatus.Pending;
import static dev.cordon.events.action.ActionStatus.Succeeded;
import static dev.cordon.events.action.ActionStatus.TimeOut;
import static dev.cordon.events.action.ActionType.Isolate;
import static dev.cordon.events.action.ActionType.Unisolate;
import static dev.cordon.events.device.IsolationState.IsolationPending;
import static dev.cordon.events.device.IsolationState.Isolated;
import static dev.cordon.events.device.IsolationState.NotIsolated;
import static dev.cordon.events.device.IsolationState.ReleasePending;

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
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.action.MachineActionStartedEvent;
import dev.cordon.events.action.MachineActionTimedOutEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import dev.cordon.events.device.IsolationState;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The isolation rules' transitions, written once: for each event, the action's type and its status after it, and from
 * those two the device's isolation state. The aggregate's event-sourcing handlers, the audit state fold and every
 * query-side fold take their transitions from here; the aggregate's command handlers keep the rules that decide which
 * events may happen.
 */
public final class IsolationTransitions {

    /** What an action event says of its action: its type, and its status once the event happened. */
    private record Row(Function<MachineActionEvent, ActionType> type, ActionStatus status) {
    }

    private static final Map<Class<? extends MachineActionEvent>, Row> ACTION_EVENTS = Map.of(
            DeviceIsolationRequestedEvent.class, row(Isolate, Pending),
            DeviceReleaseRequestedEvent.class, row(Unisolate, Pending),
            MachineActionStartedEvent.class, new Row(e -> ((MachineActionStartedEvent) e).actionType(), InProgress),
            DeviceIsolatedEvent.class, row(Isolate, Succeeded),
            DeviceIsolationFailedEvent.class, row(Isolate, Failed),
            DeviceReleasedEvent.class, row(Unisolate, Succeeded),
            DeviceReleaseFailedEvent.class, row(Unisolate, Failed),
            MachineActionCancelledEvent.class, new Row(e -> ((MachineActionCancelledEvent) e).actionType(), Cancelled),
            MachineActionTimedOutEvent.class, new Row(e -> ((MachineActionTimedOutEvent) e).actionType(), TimeOut));

    /**
     * Events of the device itself, which change no isolation: the registration starts a device not isolated; its
     * details, tags and device group leave the isolation as it was.
     */
    private static final Set<Class<? extends DeviceEvent>> DEVICE_EVENTS = Set.of(DeviceRegisteredEvent.class,
            DeviceDetailsUpdatedEvent.class, DeviceTagAddedEvent.class, DeviceTagRemovedEvent.class,
            DeviceGroupChangedEvent.class);

    /**
     * Where an action leaves the device. While open it is pending; a success is the action done; any other end leaves
     * the device as it was before: an isolation never happened, a release neither.
     */
    private static final Map<ActionType, Map<ActionStatus, IsolationState>> STATE = Map.of(
            Isolate, Map.of(Pending, IsolationPending, InProgress, IsolationPending, Succeeded, Isolated,
                    Failed, NotIsolated, Cancelled, NotIsolated, TimeOut, NotIsolated),
            Unisolate, Map.of(Pending, ReleasePending, InProgress, ReleasePending, Succeeded, NotIsolated,
                    Failed, Isolated, Cancelled, Isolated, TimeOut, Isolated));

    private IsolationTransitions() {
    }

    /** Whether this table knows the event (every event of the catalog: EventCatalog's test holds it to that). */
    public static boolean covers(Class<?> eventClass) {
        return ACTION_EVENTS.containsKey(eventClass) || DEVICE_EVENTS.contains(eventClass);
    }

    public static ActionType actionType(MachineActionEvent event) {
        return row(event).type().apply(event);
    }

    public static ActionStatus statusAfter(MachineActionEvent event) {
        return row(event).status();
    }

    /** Pending or InProgress: the device's one open action. */
    public static boolean isOpen(ActionStatus status) {
        return status == Pending || status == InProgress;
    }

    /** @param before the state before the event; null before the device's first event */
    public static IsolationState stateAfter(IsolationState before, DeviceEvent event) {
        if (event instanceof MachineActionEvent action) {
            return STATE.get(actionType(action)).get(statusAfter(action));
        }
        if (!DEVICE_EVENTS.contains(event.getClass())) {
            throw unknown(event);
        }
        return before == null || event instanceof DeviceRegisteredEvent ? NotIsolated : before;
    }

    /**
     * The isolation's scope after the event: the isolated type once an isolation succeeds, none once the device is not
     * isolated, otherwise as before (a pending or refused release keeps the isolation's scope).
     */
    public static IsolationType scopeAfter(IsolationType before, DeviceEvent event) {
        if (event instanceof DeviceIsolatedEvent isolated) {
            return isolated.isolationType();
        }
        if (event instanceof DeviceRegisteredEvent
                || event instanceof MachineActionEvent && stateAfter(null, event) == NotIsolated) {
            return null;
        }
        return before;
    }

    private static Row row(MachineActionEvent event) {
        Row row = ACTION_EVENTS.get(event.getClass());
        if (row == null) {
            throw unknown(event);
        }
        return row;
    }

    private static Row row(ActionType type, ActionStatus status) {
        return new Row(e -> type, status);
    }

    private static IllegalArgumentException unknown(Object event) {
        return new IllegalArgumentException("No isolation transition for " + event.getClass().getName());
    }
}
