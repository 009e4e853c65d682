package dev.cordon.query.consumer;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the device event topic. The offset is committed per record (AckMode RECORD) only after
 * {@link DeviceEventProjection#apply} returned, i.e. after its transaction committed; errors go to the
 * error handler configured in {@code KafkaConsumerConfig}.
 */
@Component
public class DeviceEventListener {

    /** The listener container's id, by which the health check finds it. */
    public static final String ID = "cordon-query-projection";

    private static final Logger log = LoggerFactory.getLogger(DeviceEventListener.class);

    private final CloudEventParser parser;
    private final DeviceEventProjection projection;
    private final ProjectionMetrics metrics;

    public DeviceEventListener(CloudEventParser parser, DeviceEventProjection projection, ProjectionMetrics metrics) {
        this.parser = parser;
        this.projection = projection;
        this.metrics = metrics;
    }

    /** Topic and group are set in application.yml only (with their environment variables and defaults). */
    @KafkaListener(id = ID, topics = "${cordon.kafka.topic}",
            groupId = "${cordon.query.consumer-group}")
    public void on(ConsumerRecord<String, String> record) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        Optional<RecordedEvent> parsed;
        try {
            parsed = parser.parse(record.value(), origin);
        } catch (PoisonRecordException e) {
            metrics.other(ProjectionMetrics.UNKNOWN_TYPE, ProjectionMetrics.Other.POISON);
            throw e;
        }
        if (parsed.isEmpty()) {
            metrics.other(ProjectionMetrics.UNKNOWN_TYPE, ProjectionMetrics.Other.SKIPPED);
            return;
        }
        RecordedEvent event = parsed.get();
        DeviceEventProjection.Outcome outcome;
        try {
            outcome = projection.apply(event);
        } catch (RuntimeException e) {
            metrics.other(event.event().getClass().getSimpleName(), ProjectionMetrics.Other.FAILED);
            throw e;
        }
        metrics.projected(event, outcome);
        switch (outcome) {
            case DUPLICATE -> log.debug("Duplicate event {} at {} (device {}, sequence {}) ignored",
                    event.eventId(), origin, event.event().deviceId(), event.sequence());
            // Not a redelivery: two different events claim one place in the device's history.
            case DIVERGED -> log.warn("Event {} at {} claims sequence {} of device {}, which the timeline holds"
                            + " for a different event: the histories diverged; ignored", event.eventId(), origin,
                    event.sequence(), event.event().deviceId());
            case APPLIED -> {
            }
        }
    }
}
