package dev.cordon.events.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * A stored device event as its CloudEvents document: the one form of an event outside the service, which the
 * command side's publisher sends to Kafka and its audit export writes, and which the query side's rebuild makes from
 * the event store's rows so that it projects exactly what the topic would have carried.
 */
public final class DeviceCloudEvents {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private DeviceCloudEvents() {
    }

    /**
     * @param payloadType the event's class name, as the event store keeps it; an event type this version does not
     *                    know still gets a CloudEvent of the same shape, for a consumer to skip
     * @param revision    the revision {@code data} is at
     * @param sequence    the device's event sequence number
     */
    public static DeviceCloudEvent of(String eventId, String source, String payloadType, String revision,
                                      String deviceId, Instant time, long sequence, JsonNode data) {
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        EventCatalog.Entry entry = EventCatalog.entries().stream()
                .filter(e -> e.eventClass().getName().equals(payloadType)).findFirst().orElse(null);
        String type = entry != null ? entry.cloudEventType()
                : EventCatalog.TYPE_PREFIX + (name.endsWith("Event") ? name.substring(0, name.length() - 5) : name);
        String dataSchema = entry != null ? entry.dataSchema(revision) : "urn:cordon:events:" + name + ":" + revision;
        return new DeviceCloudEvent(DeviceCloudEvent.SPEC_VERSION, eventId, source, type, deviceId, time,
                DeviceCloudEvent.CONTENT_TYPE, dataSchema, sequence, revision, data);
    }

    public static String toJson(DeviceCloudEvent cloudEvent) {
        try {
            return JSON.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + cloudEvent.id() + " cannot be written as JSON", e);
        }
    }
}
