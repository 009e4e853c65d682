package dev.cordon.command.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.EventCatalog;
import org.axonframework.eventhandling.DomainEventMessage;

/** Turns a stored device event into the CloudEvents document published on Kafka. */
public class CloudEventMapper {

    private final ObjectMapper json;
    private final String source;

    public CloudEventMapper(ObjectMapper json, String source) {
        this.json = json;
        this.source = source;
    }

    public DeviceCloudEvent toCloudEvent(DomainEventMessage<?> event) {
        EventCatalog.Entry entry = EventCatalog.of(event.getPayloadType());
        return new DeviceCloudEvent(DeviceCloudEvent.SPEC_VERSION, event.getIdentifier(), source,
                entry.cloudEventType(), event.getAggregateIdentifier(), event.getTimestamp(),
                DeviceCloudEvent.CONTENT_TYPE, entry.dataSchema(), event.getSequenceNumber(), entry.revision(),
                json.valueToTree(event.getPayload()));
    }

    public String toJson(DeviceCloudEvent cloudEvent) {
        try {
            return json.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + cloudEvent.id() + " cannot be written as JSON", e);
        }
    }
}
