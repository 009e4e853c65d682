package dev.cordon.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.action.MachineActionStartedEvent;
import dev.cordon.events.action.MachineActionTimedOutEvent;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import dev.cordon.events.upcast.JsonUpcasters;
import dev.cordon.events.upcast.UpcastException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a Kafka value (a structured CloudEvent) into a {@link RecordedEvent}. Everything the projection relies on
 * is checked here, so that a bad record fails as poison instead of as a database error retried forever.
 */
@Component
public class CloudEventParser {

    private static final Logger log = LoggerFactory.getLogger(CloudEventParser.class);

    private final ObjectMapper mapper = EventJson.newMapper();

    /**
     * @param origin where the value came from, for the log (e.g. {@code topic-partition@offset})
     * @return empty for an event type this version does not know (a newer producer), or one without a device read
     *         model: skipped
     */
    public Optional<RecordedEvent> parse(String value, String origin) {
        return read(value, origin).deviceEvent();
    }

    /** As {@link #parse}, telling an event type this version does not know from a known one it does not project. */
    public ParsedRecord read(String value, String origin) {
        if (value == null) {
            throw new PoisonRecordException("record has no value");
        }
        DeviceCloudEvent cloudEvent;
        try {
            JsonNode tree = mapper.readTree(value);
            if (tree == null || !tree.isObject()) {
                throw new PoisonRecordException("value is not a JSON object");
            }
            require(tree, "id", tree.path("id").isTextual());
            require(tree, "type", tree.path("type").isTextual());
            require(tree, "sequence", tree.path("sequence").canConvertToExactIntegral()
                    && tree.path("sequence").asLong() >= 0);
            require(tree, "data", tree.path("data").isObject());
            Optional<String> nul = nulAt(tree, "");
            if (nul.isPresent()) {
                // PostgreSQL text cannot hold U+0000: the insert would fail the same way on every retry.
                throw new PoisonRecordException("string at '" + nul.get() + "' contains U+0000");
            }
            cloudEvent = mapper.treeToValue(tree, DeviceCloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("value is not a readable CloudEvent: " + e.getOriginalMessage(), e);
        }
        Optional<EventCatalog.Entry> entry = EventCatalog.byCloudEventType(cloudEvent.type());
        if (entry.isEmpty()) {
            log.warn("Skipping {}: unknown event type '{}' (event {})", origin, cloudEvent.type(), cloudEvent.id());
            return ParsedRecord.unknown();
        }
        if (!entry.get().isDeviceEvent()) {
            // A bulk action's own event: its devices' actions arrive as their own events, carrying the bulk id.
            log.debug("Skipping {}: {} has no device read model (event {})", origin, cloudEvent.type(),
                    cloudEvent.id());
            return ParsedRecord.withoutReadModel(entry.get().name());
        }
        JsonNode data;
        try {
            // An older revision (published before a change, or replayed) is upcast by the same code the event
            // store uses; a newer or unknown one is not guessed at: read as this revision it would yield nulls.
            data = JsonUpcasters.toCurrent(entry.get(), cloudEvent.revision(), (ObjectNode) cloudEvent.data());
        } catch (UpcastException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
        DeviceEvent event;
        try {
            event = (DeviceEvent) mapper.treeToValue(data, entry.get().eventClass());
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("data is not a valid " + entry.get().name() + ": "
                    + e.getOriginalMessage(), e);
        }
        validate(event);
        return ParsedRecord.of(cloudEvent.time() == null
                ? new RecordedEvent(cloudEvent.id(), cloudEvent.sequence(), event)
                : new RecordedEvent(cloudEvent.id(), cloudEvent.sequence(), event, cloudEvent.time()));
    }

    private static void require(JsonNode tree, String attribute, boolean ok) {
        if (!ok) {
            throw new PoisonRecordException("missing or invalid CloudEvent attribute '" + attribute + "'");
        }
    }

    private static void validate(DeviceEvent event) {
        String name = event.getClass().getSimpleName();
        if (event.deviceId() == null || event.deviceId().isBlank()) {
            throw new PoisonRecordException(name + " has no deviceId");
        }
        if (event instanceof MachineActionEvent action && (action.actionId() == null || action.actionId().isBlank())) {
            throw new PoisonRecordException(name + " has no actionId");
        }
        if (event.occurredAt() == null) {
            throw new PoisonRecordException(name + " has no timestamp");
        }
        if (actionTypeMissing(event)) {
            throw new PoisonRecordException(name + " has no actionType");
        }
    }

    /**
     * The request and outcome events imply their action's type; these three carry it (their schemas require it).
     * Without it a cancelled Isolate would be folded as a cancelled Unisolate and leave the device Isolated.
     */
    private static boolean actionTypeMissing(DeviceEvent event) {
        return (event instanceof MachineActionStartedEvent started && started.actionType() == null)
                || (event instanceof MachineActionCancelledEvent cancelled && cancelled.actionType() == null)
                || (event instanceof MachineActionTimedOutEvent timedOut && timedOut.actionType() == null);
    }

    /** The JSON path of the first string (value or field name) that holds U+0000, if any. */
    private static Optional<String> nulAt(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = nulAt(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getKey().indexOf('\0') >= 0) {
                return Optional.of(path.isEmpty() ? "(a field name)" : path + ".(a field name)");
            }
            Optional<String> found = nulAt(field.getValue(), fieldPath);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
