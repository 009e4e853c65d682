package dev.cordon.query.projection;

import dev.cordon.query.projection.DeviceEventProjection.Outcome;
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

    /** The listener container's id: a read-model rebuild pauses and resumes it, the health check finds it. */
    public static final String ID = "cordon-query-projection";

    private static final Logger log = LoggerFactory.getLogger(DeviceEventListener.class);

    private final CloudEventParser parser;
    private final DeviceEventProjection projection;
    private final ProjectionMetrics metrics;
    private final RecordIntegrity integrity;

    public DeviceEventListener(CloudEventParser parser, DeviceEventProjection projection, ProjectionMetrics metrics,
                               RecordIntegrity integrity) {
        this.integrity = integrity;
        this.parser = parser;
        this.projection = projection;
        this.metrics = metrics;
    }

    /** Topic and group are set in application.yml only (with their environment variables and defaults). */
    @KafkaListener(id = ID, topics = "${cordon.kafka.topic}", groupId = "${cordon.query.consumer-group}")
    public void on(ConsumerRecord<String, String> record) {
        if (!integrity.admits(record)) {
            return;
        }
        project(record.value(), record.topic() + "-" + record.partition() + "@" + record.offset(), projection, true);
    }

    /**
     * The one way a CloudEvent value becomes read-model rows, for the live topic and for a rebuild alike (which
     * passes its shadow projection): whatever reading a record involves (parsing, checks, upcasting older
     * revisions) happens here or below, so a rebuild can never read history differently from the live consumer.
     *
     * @return empty if the record was skipped as an event type this version does not know;
     *         {@link Outcome#NOT_A_DEVICE_EVENT} for a known one that no device read model keeps
     * @throws PoisonRecordException if the record can never be projected
     */
    public Optional<Outcome> project(String value, String origin, DeviceEventProjection target) {
        return project(value, origin, target, false);
    }

    /** Only the live projection is measured: a rebuild replaying old events would swamp the lag histogram. */
    private Optional<Outcome> project(String value, String origin, DeviceEventProjection target, boolean live) {
        ParsedRecord read;
        try {
            read = parser.read(value, origin);
        } catch (PoisonRecordException e) {
            if (live) {
                metrics.other(ProjectionMetrics.UNKNOWN_TYPE, ProjectionMetrics.Other.POISON);
            }
            throw e;
        }
        if (read.isWithoutReadModel()) {
            if (live) {
                metrics.other(read.withoutReadModel(), ProjectionMetrics.Other.NOT_A_DEVICE_EVENT);
            }
            return Optional.of(Outcome.NOT_A_DEVICE_EVENT);
        }
        Optional<RecordedEvent> parsed = read.deviceEvent();
        if (parsed.isEmpty()) {
            if (live) {
                metrics.other(ProjectionMetrics.UNKNOWN_TYPE, ProjectionMetrics.Other.SKIPPED);
            }
            return Optional.empty();
        }
        RecordedEvent event = parsed.get();
        Outcome outcome;
        try {
            outcome = target.apply(event);
        } catch (RuntimeException e) {
            if (live) {
                metrics.other(event.event().getClass().getSimpleName(), ProjectionMetrics.Other.FAILED);
            }
            throw e;
        }
        if (live) {
            metrics.projected(event, outcome);
        }
        switch (outcome) {
            case DUPLICATE -> log.debug("Duplicate event {} at {} (device {}, sequence {}) ignored",
                    event.eventId(), origin, event.event().deviceId(), event.sequence());
            // Not a redelivery: two different events claim one place in the device's history.
            case DIVERGED -> log.warn("Event {} at {} claims sequence {} of device {}, which the timeline holds"
                            + " for a different event: the histories diverged; ignored", event.eventId(), origin,
                    event.sequence(), event.event().deviceId());
            case APPLIED, NOT_A_DEVICE_EVENT -> {
            }
        }
        return Optional.of(outcome);
    }
}
