package dev.cordon.query.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A row of the command side's {@code domain_event_entry} in the CloudEvent form its Kafka publisher gives it (id,
 * type from the EventCatalog, subject = device id, time, sequence, the stored revision, the payload as data), so
 * that the rebuild feeds the live consumer's entry point exactly what the topic would have carried.
 */
final class StoredEvents {

    /** Says where the document came from; consumers do not read it. */
    static final String SOURCE = "urn:cordon:event-store";

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final Map<String, EventCatalog.Entry> BY_PAYLOAD_TYPE = EventCatalog.entries().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> entry.eventClass().getName(), Function.identity()));

    private StoredEvents() {
    }

    /** The columns Axon's JDBC event store keeps for one event. */
    record Row(long globalIndex, String eventId, String aggregateId, long sequence, String timestamp,
               String payloadType, String payloadRevision, byte[] payload) {
    }

    /**
     * @throws IllegalArgumentException if the row cannot be read as an event at all (not JSON, no timestamp);
     *                                  an event type this version does not know still converts, and the parser
     *                                  then skips it as the live consumer would
     */
    static String toCloudEventJson(Row row) {
        EventCatalog.Entry entry = BY_PAYLOAD_TYPE.get(row.payloadType());
        String name = row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1);
        String type = entry != null ? entry.cloudEventType()
                : EventCatalog.TYPE_PREFIX + (name.endsWith("Event") ? name.substring(0, name.length() - 5) : name);
        JsonNode data;
        Instant time;
        try {
            data = JSON.readTree(row.payload());
            time = Instant.parse(row.timestamp());
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("event " + row.eventId() + " is not readable: " + e.getMessage(), e);
        }
        // A type the catalog does not know still gets the same shape of schema URN, for the parser to skip.
        String dataSchema = entry != null ? entry.dataSchema(row.payloadRevision())
                : "urn:cordon:events:" + name + ":" + row.payloadRevision();
        DeviceCloudEvent cloudEvent = new DeviceCloudEvent(DeviceCloudEvent.SPEC_VERSION, row.eventId(), SOURCE, type,
                row.aggregateId(), time, DeviceCloudEvent.CONTENT_TYPE, dataSchema, row.sequence(),
                row.payloadRevision(), data);
        try {
            return JSON.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + row.eventId() + " cannot be written as JSON", e);
        }
    }
}
