package dev.cordon.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroupIndex;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import dev.cordon.service.security.DeviceScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/** A device's stored events, as they are (its history) and folded up to an instant (its state then). */
@Component
class DeviceHistory {

    private final StoredEvents store;
    private final DeviceGroupIndex groups;
    private final ObjectMapper json = EventJson.newMapper();

    DeviceHistory(StoredEvents store, DeviceGroupIndex groups) {
        this.store = store;
        this.groups = groups;
    }

    HistoryJson history(String machineId, DeviceScope scope) {
        List<StoredEvent> events = requireEvents(machineId, scope);
        return new HistoryJson(machineId, events.stream().map(this::entry).toList());
    }

    /**
     * Folds the device's events in sequence order while their timestamp is at or before {@code at}; an event
     * recorded exactly at {@code at} is included. Timestamps grow with the sequence (Axon stamps an event when the
     * device's command applies it), so this is every event with a timestamp up to {@code at}; should a clock ever
     * step back, the fold still ends at the first event after {@code at}, as a replay must.
     */
    DeviceStateJson stateAt(String machineId, Instant at, DeviceScope scope) {
        DeviceState state = null;
        DeviceGroupChangedEvent group = null;
        StoredEvent last = null;
        for (StoredEvent event : requireEvents(machineId, scope)) {
            if (event.current().getTimestamp().isAfter(at)) {
                break;
            }
            state = DeviceStateFold.apply(state, event.event());
            if (event.event() instanceof DeviceGroupChangedEvent changed) {
                group = changed;
            }
            last = event;
        }
        if (last == null) {
            throw new RuleViolationException(ErrorCode.ResourceNotFound,
                    "Machine " + machineId + " did not exist yet at " + at + ": it had no events then.");
        }
        DomainEventMessage<?> message = last.current();
        return DeviceStateJson.of(machineId, at, state, group, new DeviceStateJson.LastEvent(message.getIdentifier(),
                message.getSequenceNumber(), name(message), message.getTimestamp()));
    }

    /** Outside the caller's device groups (its current group) the device has no events: the same 404. */
    private List<StoredEvent> requireEvents(String machineId, DeviceScope scope) {
        groups.requireCovered(scope, machineId);
        List<StoredEvent> events = store.ofDevice(machineId);
        if (events.isEmpty()) {
            throw RuleViolationException.unknownMachine(machineId);
        }
        return events;
    }

    private HistoryEntryJson entry(StoredEvent stored) {
        DomainEventMessage<?> message = stored.current();
        String revision = EventCatalog.of(message.getPayloadType()).revision();
        return new HistoryEntryJson(message.getIdentifier(), message.getSequenceNumber(), name(message),
                message.getTimestamp(), revision, stored.storedRevision(), json.valueToTree(message.getPayload()),
                Objects.equals(revision, stored.storedRevision()) ? null : tree(stored.storedPayload()),
                json.valueToTree(new TreeMap<>(message.getMetaData())));
    }

    private static String name(DomainEventMessage<?> message) {
        return EventCatalog.of(message.getPayloadType()).name();
    }

    private JsonNode tree(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored payload is not readable JSON", e);
        }
    }
}
