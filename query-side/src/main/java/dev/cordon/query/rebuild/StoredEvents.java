package dev.cordon.query.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.kafka.DeviceCloudEvents;
import dev.cordon.events.kafka.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A row of the command side's {@code domain_event_entry} in the CloudEvent form its Kafka publisher gives it
 * (shared-events' DeviceCloudEvents, at the stored revision), so that the rebuild feeds the live consumer's entry
 * point exactly what the topic would have carried.
 */
final class StoredEvents {

    /** Says where the document came from; consumers do not read it. */
    static final String SOURCE = "urn:cordon:event-store";

    private static final ObjectMapper JSON = EventJson.newMapper();

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
        JsonNode data;
        Instant time;
        try {
            data = JSON.readTree(row.payload());
            time = Instant.parse(row.timestamp());
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("event " + row.eventId() + " is not readable: " + e.getMessage(), e);
        }
        return DeviceCloudEvents.toJson(DeviceCloudEvents.of(row.eventId(), SOURCE, row.payloadType(),
                row.payloadRevision(), row.aggregateId(), time, row.sequence(), data));
    }
}
