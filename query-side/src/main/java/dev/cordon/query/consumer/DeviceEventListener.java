package dev.cordon.query.consumer;

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

    private static final Logger log = LoggerFactory.getLogger(DeviceEventListener.class);

    private final CloudEventParser parser;
    private final DeviceEventProjection projection;

    public DeviceEventListener(CloudEventParser parser, DeviceEventProjection projection) {
        this.parser = parser;
        this.projection = projection;
    }

    /** Topic and group are set in application.yml only (with their environment variables and defaults). */
    @KafkaListener(id = "cordon-query-projection", topics = "${cordon.kafka.topic}",
            groupId = "${cordon.query.consumer-group}")
    public void on(ConsumerRecord<String, String> record) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        parser.parse(record.value(), origin).ifPresent(event -> {
            switch (projection.apply(event)) {
                case DUPLICATE -> log.debug("Duplicate event {} at {} (device {}, sequence {}) ignored",
                        event.eventId(), origin, event.event().deviceId(), event.sequence());
                // Not a redelivery: two different events claim one place in the device's history.
                case DIVERGED -> log.warn("Event {} at {} claims sequence {} of device {}, which the timeline holds"
                                + " for a different event: the histories diverged; ignored", event.eventId(), origin,
                        event.sequence(), event.event().deviceId());
                case APPLIED -> {
                }
            }
        });
    }
}
