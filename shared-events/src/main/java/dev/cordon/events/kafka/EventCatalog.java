package dev.cordon.events.kafka;

import dev.cordon.events.CordonEvent;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.DeviceIsolatedEvent;
import dev.cordon.events.action.DeviceIsolationFailedEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseFailedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.DeviceReleasedEvent;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.action.MachineActionStartedEvent;
import dev.cordon.events.action.MachineActionTimedOutEvent;
import dev.cordon.events.bulk.BulkActionCancelledEvent;
import dev.cordon.events.bulk.BulkActionDispatchedEvent;
import dev.cordon.events.bulk.BulkActionEvent;
import dev.cordon.events.bulk.BulkActionRequestedEvent;
import dev.cordon.events.bulk.BulkActionTargetsRefusedEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every event that crosses the service boundary, with its CloudEvents {@code type} and current revision
 * (the one producers write; older ones are read through {@link dev.cordon.events.upcast.JsonUpcasters}).
 * The revision here must equal the record's {@code @Revision}; a test keeps them together
 * (the annotation is not on the query side's class path).
 */
public final class EventCatalog {

    /** The CloudEvents type prefix of a device's events, and of an event type this version does not know. */
    public static final String TYPE_PREFIX = "dev.cordon.device.";
    /** The CloudEvents type prefix of a bulk action's events. */
    public static final String BULK_TYPE_PREFIX = "dev.cordon.bulkaction.";

    public record Entry(Class<? extends CordonEvent> eventClass, String revision) {
        public String name() {
            return eventClass.getSimpleName();
        }

        /** Whether the event is a device's (keyed and folded by device), not a bulk action's. */
        public boolean isDeviceEvent() {
            return DeviceEvent.class.isAssignableFrom(eventClass);
        }

        /** CloudEvents type: reverse-DNS prefix and the event name without the {@code Event} suffix. */
        public String cloudEventType() {
            String prefix = BulkActionEvent.class.isAssignableFrom(eventClass) ? BULK_TYPE_PREFIX : TYPE_PREFIX;
            return prefix + name().substring(0, name().length() - "Event".length());
        }

        public String dataSchema() {
            return dataSchema(revision);
        }

        public String dataSchema(String atRevision) {
            return "urn:cordon:events:" + name() + ":" + atRevision;
        }

        /** Every revision the event ever had, oldest first: revisions are numbered 1, 2, ... without gaps. */
        public List<String> revisions() {
            return IntStream.rangeClosed(1, Integer.parseInt(revision)).mapToObj(Integer::toString).toList();
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(DeviceRegisteredEvent.class, "2"),
            new Entry(DeviceDetailsUpdatedEvent.class, "2"),
            new Entry(DeviceIsolationRequestedEvent.class, "3"),
            new Entry(DeviceReleaseRequestedEvent.class, "2"),
            new Entry(MachineActionStartedEvent.class, "1"),
            new Entry(DeviceIsolatedEvent.class, "1"),
            new Entry(DeviceIsolationFailedEvent.class, "1"),
            new Entry(DeviceReleasedEvent.class, "1"),
            new Entry(DeviceReleaseFailedEvent.class, "1"),
            new Entry(MachineActionCancelledEvent.class, "1"),
            new Entry(MachineActionTimedOutEvent.class, "1"),
            new Entry(DeviceTagAddedEvent.class, "1"),
            new Entry(DeviceTagRemovedEvent.class, "1"),
            new Entry(DeviceGroupChangedEvent.class, "1"),
            new Entry(BulkActionRequestedEvent.class, "1"),
            new Entry(BulkActionTargetsRefusedEvent.class, "1"),
            new Entry(BulkActionDispatchedEvent.class, "1"),
            new Entry(BulkActionCancelledEvent.class, "1"));
    private static final List<Entry> DEVICE_ENTRIES = ENTRIES.stream().filter(Entry::isDeviceEvent).toList();

    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::eventClass, Function.identity()));
    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::cloudEventType, Function.identity()));

    private EventCatalog() {
    }

    /** Every published event: the devices' and the bulk actions'. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** Only the devices' events: what the device read models and the isolation rules fold. */
    public static List<Entry> deviceEntries() {
        return DEVICE_ENTRIES;
    }

    public static Entry of(Class<?> eventClass) {
        Entry entry = BY_CLASS.get(eventClass);
        if (entry == null) {
            throw new IllegalArgumentException("Not a published event: " + eventClass.getName());
        }
        return entry;
    }

    public static Optional<Entry> byCloudEventType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
