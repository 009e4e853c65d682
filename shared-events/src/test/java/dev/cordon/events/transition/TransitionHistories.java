package dev.cordon.events.transition;

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
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.kafka.EventCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Named;

/**
 * A history that ends in each kind of event, every event type of the catalog at least once (cancel and timeout for
 * both kinds of action), for the tests that hold each user of the transitions to {@link IsolationTransitions}: the
 * aggregate, the audit state fold, the action index and the query side's folds must each end where the table does.
 */
public final class TransitionHistories {

    public static final String DEVICE = "dev-transitions";
    public static final String ISOLATION = "act-isolate";
    public static final String RELEASE = "act-release";
    private static final Instant T = Instant.parse("2026-03-02T09:15:00Z");

    /** Where a history leaves the device and its last action, by the table alone. */
    public record Expected(IsolationState state, IsolationType scope, ActionType actionType, ActionStatus status,
                           String openActionId) {
    }

    private TransitionHistories() {
    }

    public static List<Named<List<DeviceEvent>>> all() {
        DeviceRegisteredEvent registered = new DeviceRegisteredEvent(DEVICE, "host", OsPlatform.Windows11, "22631",
                "23H2", null, RiskScore.None, ExposureLevel.None, T);
        DeviceIsolationRequestedEvent isolate = new DeviceIsolationRequestedEvent(DEVICE, ISOLATION,
                IsolationType.Selective, List.of("Outlook"), "host", "soc", "ransomware", "PublicApi", null, at(1));
        MachineActionStartedEvent started = new MachineActionStartedEvent(DEVICE, ISOLATION, ActionType.Isolate,
                at(2));
        DeviceIsolatedEvent isolated = new DeviceIsolatedEvent(DEVICE, ISOLATION, IsolationType.Selective, at(3));
        DeviceReleaseRequestedEvent release = new DeviceReleaseRequestedEvent(DEVICE, RELEASE, "host", "soc",
                "cleaned", "PublicApi", null, at(4));
        DeviceTagAddedEvent tagged = new DeviceTagAddedEvent(DEVICE, "quarantine", "soc", "PublicApi", at(4));
        List<Named<List<DeviceEvent>>> histories = new ArrayList<>(List.of(
                named("registered", registered),
                named("details updated", registered,
                        new DeviceDetailsUpdatedEvent(DEVICE, "host-2", OsPlatform.Windows11, "26100", "24H2", null,
                                RiskScore.Medium, ExposureLevel.Low, at(1))),
                named("isolation requested", registered, isolate),
                named("isolation started", registered, isolate, started),
                named("isolated", registered, isolate, started, isolated),
                named("isolation failed", registered, isolate, started,
                        new DeviceIsolationFailedEvent(DEVICE, ISOLATION, -5, at(3))),
                named("isolation cancelled", registered, isolate,
                        new MachineActionCancelledEvent(DEVICE, ISOLATION, ActionType.Isolate, "soc", "wrong one",
                                "PublicApi", at(2))),
                named("isolation timed out", registered, isolate,
                        new MachineActionTimedOutEvent(DEVICE, ISOLATION, ActionType.Isolate, at(5))),
                named("release requested", registered, isolate, isolated, release),
                named("release started", registered, isolate, isolated, release,
                        new MachineActionStartedEvent(DEVICE, RELEASE, ActionType.Unisolate, at(5))),
                named("released", registered, isolate, isolated, release,
                        new DeviceReleasedEvent(DEVICE, RELEASE, at(5))),
                named("release failed", registered, isolate, isolated, release,
                        new DeviceReleaseFailedEvent(DEVICE, RELEASE, -7, at(5))),
                named("release cancelled", registered, isolate, isolated, release,
                        new MachineActionCancelledEvent(DEVICE, RELEASE, ActionType.Unisolate, "soc", "not yet",
                                "PublicApi", at(5))),
                named("release timed out", registered, isolate, isolated, release,
                        new MachineActionTimedOutEvent(DEVICE, RELEASE, ActionType.Unisolate, at(6))),
                // Tags change no isolation, even while an action is open.
                named("tagged while isolation pending", registered, isolate, tagged),
                named("tag removed while isolated", registered, isolate, isolated, tagged,
                        new DeviceTagRemovedEvent(DEVICE, "quarantine", "soc", "PublicApi", at(5))),
                // Nor does a device group, even while an action is open.
                named("group changed while isolation pending", registered, isolate,
                        new DeviceGroupChangedEvent(DEVICE, 2, "Servers", "Unassigned", "Named in the registration",
                                "inventory", "PublicApi", at(4)))));
        Set<Class<?>> ending = histories.stream().map(h -> last(h.getPayload()).getClass())
                .collect(Collectors.toSet());
        EventCatalog.deviceEntries().forEach(entry -> {
            if (!ending.contains(entry.eventClass())) {
                throw new IllegalStateException("No history ends in " + entry.name() + ": add one here");
            }
        });
        return histories;
    }

    /** Folds the history through the table alone. */
    public static Expected expected(List<DeviceEvent> history) {
        IsolationState state = null;
        IsolationType scope = null;
        ActionType type = null;
        ActionStatus status = null;
        String open = null;
        for (DeviceEvent event : history) {
            state = IsolationTransitions.stateAfter(state, event);
            scope = IsolationTransitions.scopeAfter(scope, event);
            if (event instanceof MachineActionEvent action) {
                type = IsolationTransitions.actionType(action);
                status = IsolationTransitions.statusAfter(action);
                open = IsolationTransitions.isOpen(status) ? action.actionId() : null;
            }
        }
        return new Expected(state, scope, type, status, open);
    }

    public static DeviceEvent last(List<DeviceEvent> history) {
        return history.get(history.size() - 1);
    }

    private static Named<List<DeviceEvent>> named(String name, DeviceEvent... events) {
        return Named.of(name, List.of(events));
    }

    private static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }
}
