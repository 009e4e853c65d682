package dev.cordon.command.support;

import dev.cordon.events.DeviceEvent;
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
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random device histories of every event kind, in the orders the aggregate stores them (a request opens an action,
 * a start, success, failure, cancel or timeout moves or ends it; tags, details and groups change at any time), for
 * tests that compare two ways of reading one history. A seed gives the same history again.
 */
public final class RandomHistories {

    private static final List<String> APPS = List.of("Outlook", "Microsoft Teams", "Skype for Business");
    private static final String[] TAGS = {"vip", "VIP", "finance", "lab", "kiosk", "Finance", "hr"};

    private final Random random;
    private final String deviceId;
    // Away from the instants other integration tests export by (March 2026, AuditIT): the store is shared.
    private Instant clock = Instant.parse("2026-05-04T09:00:00.123Z");

    public RandomHistories(long seed, String deviceId) {
        this.random = new Random(seed);
        this.deviceId = deviceId;
    }

    /** The instant of the last event generated: events are {@code 0..2 s} apart, whole milliseconds. */
    public Instant clock() {
        return clock;
    }

    /** @return {@code length} events (at least one: the registration first) */
    public List<DeviceEvent> history(int length) {
        List<DeviceEvent> events = new ArrayList<>();
        events.add(new DeviceRegisteredEvent(deviceId, "ws-" + random.nextInt(1000) + ".corp.example",
                OsPlatform.Windows11, "22631", "23H2", random.nextBoolean() ? null : UUID.randomUUID().toString(),
                pick(RiskScore.values()), pick(ExposureLevel.values()), tick()));
        List<String> tags = new ArrayList<>();
        String open = null;
        ActionType openType = null;
        boolean isolated = false;
        IsolationType scope = null;
        String group = null;
        while (events.size() < length) {
            int roll = random.nextInt(100);
            Instant at = tick();
            if (roll < 20) {
                String tag = TAGS[random.nextInt(TAGS.length)];
                if (tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag))) {
                    String existing = tags.stream().filter(t -> t.equalsIgnoreCase(tag)).findFirst().orElseThrow();
                    tags.remove(existing);
                    events.add(new DeviceTagRemovedEvent(deviceId, existing, "analyst@corp.example", "PublicApi", at));
                } else {
                    tags.add(tag);
                    events.add(new DeviceTagAddedEvent(deviceId, tag, "analyst@corp.example", "PublicApi", at));
                }
            } else if (roll < 25) {
                events.add(new DeviceDetailsUpdatedEvent(deviceId, "ws-" + random.nextInt(1000) + ".corp.example",
                        pick(new OsPlatform[] {OsPlatform.Windows10, OsPlatform.Windows11}), "2263" + random.nextInt(9),
                        "23H2", null, pick(RiskScore.values()), pick(ExposureLevel.values()), at));
            } else if (roll < 30) {
                int id = random.nextInt(3);
                String name = id == 0 ? "Unassigned" : "Group " + id;
                events.add(new DeviceGroupChangedEvent(deviceId, id, name, group, "Registration", "inventory",
                        "PublicApi", at));
                group = name;
            } else if (open == null) {
                open = UUID.randomUUID().toString();
                if (isolated) {
                    openType = ActionType.Unisolate;
                    events.add(new DeviceReleaseRequestedEvent(deviceId, open, "ws.corp.example", "lead@corp.example",
                            "Clean " + random.nextInt(), "PublicApi", random.nextBoolean() ? "INC-" + roll : null, at));
                } else {
                    openType = ActionType.Isolate;
                    IsolationType type = random.nextBoolean() ? IsolationType.Full : IsolationType.Selective;
                    events.add(new DeviceIsolationRequestedEvent(deviceId, open, type,
                            type == IsolationType.Selective ? APPS : List.of(), "ws.corp.example",
                            "analyst@corp.example", "Beaconing " + random.nextInt(), "PublicApi", null, at));
                    scope = type;
                }
            } else {
                int end = random.nextInt(6);
                switch (end) {
                    case 0 -> events.add(new MachineActionStartedEvent(deviceId, open, openType, at));
                    case 1, 2 -> {
                        events.add(openType == ActionType.Isolate
                                ? new DeviceIsolatedEvent(deviceId, open, scope, at)
                                : new DeviceReleasedEvent(deviceId, open, at));
                        isolated = openType == ActionType.Isolate;
                    }
                    case 3 -> events.add(openType == ActionType.Isolate
                            ? new DeviceIsolationFailedEvent(deviceId, open, -2147024891, at)
                            : new DeviceReleaseFailedEvent(deviceId, open, -2147024891, at));
                    case 4 -> events.add(new MachineActionCancelledEvent(deviceId, open, openType, "lead@corp.example",
                            "Wrong device", "PublicApi", at));
                    default -> events.add(new MachineActionTimedOutEvent(deviceId, open, openType, at));
                }
                if (end != 0) {
                    open = null;
                }
            }
        }
        return events;
    }

    private Instant tick() {
        clock = clock.plusMillis(random.nextInt(2001));
        return clock;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
