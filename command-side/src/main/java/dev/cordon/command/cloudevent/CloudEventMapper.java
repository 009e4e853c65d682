package dev.cordon.command.cloudevent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.config.CordonProperties;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.DeviceCloudEvents;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns a stored device event (read at its current revision) into its CloudEvents document (shared-events'
 * DeviceCloudEvents, which the query side's rebuild uses too), written to Kafka by the publisher and to the audit
 * export alike.
 */
@Component
public class CloudEventMapper {

    private final ObjectMapper json = EventJson.newMapper();
    private final String source;

    public CloudEventMapper(CordonProperties properties) {
        this.source = properties.kafka().source();
    }

    /** The event as read, upcast to its current revision (the one the catalog names). */
    public DeviceCloudEvent toCloudEvent(DomainEventMessage<?> event) {
        EventCatalog.Entry entry = EventCatalog.of(event.getPayloadType());
        return DeviceCloudEvents.of(event.getIdentifier(), source, entry.eventClass().getName(), entry.revision(),
                event.getAggregateIdentifier(), event.getTimestamp(), event.getSequenceNumber(),
                json.valueToTree(event.getPayload()));
    }

    public String toJson(DeviceCloudEvent cloudEvent) {
        return DeviceCloudEvents.toJson(cloudEvent);
    }
}
