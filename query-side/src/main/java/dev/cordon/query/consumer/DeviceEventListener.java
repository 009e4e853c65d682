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

    @KafkaListener(id = "cordon-query-projection",
            topics = "${cordon.kafka.topic:cordon.device-events}",
            groupId = "${cordon.query.consumer-group:cordon-query}")
    public void on(ConsumerRecord<String, String> record) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        parser.parse(record.value(), origin).ifPresent(event -> {
            if (!projection.apply(event)) {
                log.debug("Duplicate event {} at {} (device {}, sequence {}) ignored", event.eventId(), origin,
                        event.event().deviceId(), event.sequence());
            }
        });
    }
}
