package dev.cordon.events.kafka;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The Kafka message value: a CloudEvents 1.0 document in structured JSON mode.
 * {@code sequence} (the aggregate sequence number) and {@code revision} (the event's
 * {@code @Revision}) are extension attributes; {@code data} is the event record as JSON.
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype",
        "dataschema", "sequence", "revision", "data"})
public record DeviceCloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        long sequence,
        String revision,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
}
