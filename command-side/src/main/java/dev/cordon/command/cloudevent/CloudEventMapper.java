package dev.cordon.command.cloudevent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.config.CordonProperties;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns a stored device event (read at its current revision) into its CloudEvents document: the one form of an
 * event outside the service, written to Kafka by the publisher and to the audit export alike.
 */
@Component
public class CloudEventMapper {

    private final ObjectMapper json = EventJson.newMapper();
    private final String source;

    public CloudEventMapper(CordonProperties properties) {
        this.source = properties.kafka().source();
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
