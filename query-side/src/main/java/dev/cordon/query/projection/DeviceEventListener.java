package dev.cordon.query.projection;

import dev.cordon.query.projection.DeviceEventProjection.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes the device event topic a poll at a time: the records of one poll are projected in one transaction
 * ({@link DeviceEventProjection#applyAll}) and their offsets committed together (AckMode BATCH) only after it
 * committed. When the batch fails, nothing of it was written: its records are projected again one by one, each in
 * its own transaction, and the first that fails is handed to the error handler configured in
 * {@code KafkaConsumerConfig} as {@link BatchListenerFailedException} with its index, so that it is retried or
 * skipped exactly as a single record would be, while the offsets of the records before it are committed.
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
    @KafkaListener(id = ID, topics = "${cordon.kafka.topic}", groupId = "${cordon.query.consumer-group}",
            batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        List<Integer> admitted = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (integrity.admits(records.get(i))) {
                admitted.add(i);
            }
        }
        if (admitted.size() > 1) {
            try {
                projectTogether(records, admitted);
                return;
            } catch (RuntimeException e) {
                log.debug("A batch of {} records failed ({}); projecting them one by one", admitted.size(),
                        e.toString());
            }
        }
        for (int i : admitted) {
            try {
                projectLive(records.get(i));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("Projecting " + origin(records.get(i)) + " failed", e, i);
            }
        }
    }

    /** One record on its own, in its own transaction. */
    public void on(ConsumerRecord<String, String> record) {
        if (!integrity.admits(record)) {
            return;
        }
        projectLive(record);
    }

    private void projectLive(ConsumerRecord<String, String> record) {
        project(record.value(), origin(record), projection, true);
    }

    /**
     * All admitted records in one transaction. Nothing is counted until it committed: a batch that fails is
     * projected again one by one, and that counts.
     */
    private void projectTogether(List<ConsumerRecord<String, String>> records, List<Integer> admitted) {
        List<RecordedEvent> events = new ArrayList<>(admitted.size());
        List<String> origins = new ArrayList<>(admitted.size());
        List<String> withoutReadModel = new ArrayList<>();
        int skipped = 0;
        for (int i : admitted) {
            ConsumerRecord<String, String> record = records.get(i);
            ParsedRecord read = parser.read(record.value(), origin(record));
            if (read.deviceEvent().isPresent()) {
                events.add(read.deviceEvent().get());
                origins.add(origin(record));
            } else if (read.isWithoutReadModel()) {
                withoutReadModel.add(read.withoutReadModel());
            } else {
                skipped++;
            }
        }
        List<Outcome> outcomes = events.isEmpty() ? List.of() : projection.applyAll(events);
        for (int i = 0; i < skipped; i++) {
            metrics.other(ProjectionMetrics.UNKNOWN_TYPE, ProjectionMetrics.Other.SKIPPED);
        }
        // Known events no device read model keeps (a bulk action's own): counted as the record-by-record path does.
        withoutReadModel.forEach(name -> metrics.other(name, ProjectionMetrics.Other.NOT_A_DEVICE_EVENT));
        for (int i = 0; i < events.size(); i++) {
            metrics.projected(events.get(i), outcomes.get(i));
            logOutcome(events.get(i), origins.get(i), outcomes.get(i));
        }
    }

    private static String origin(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
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

    /**
     * {@link #project} for many values at once, into {@code target} in the caller's transaction (a rebuild's batch):
     * each is parsed as {@link #project} parses it, a record that can never be projected and an unknown event type
     * are skipped, and the rest is applied with {@link DeviceEventProjection#applyAll}.
     *
     * @param values the CloudEvent values, each with its origin (for the log)
     * @return how many were skipped
     */
    public int projectAll(List<Map.Entry<String, String>> values, DeviceEventProjection target) {
        List<RecordedEvent> events = new ArrayList<>(values.size());
        List<String> origins = new ArrayList<>(values.size());
        int skipped = 0;
        for (Map.Entry<String, String> value : values) {
            try {
                ParsedRecord read = parser.read(value.getKey(), value.getValue());
                if (read.deviceEvent().isPresent()) {
                    events.add(read.deviceEvent().get());
                    origins.add(value.getValue());
                } else if (!read.isWithoutReadModel()) {
                    // A known event without a device read model (a bulk action's) is read, not skipped.
                    skipped++;
                }
            } catch (PoisonRecordException e) {
                log.debug("Skipping {}: {}", value.getValue(), e.getMessage());
                skipped++;
            }
        }
        List<Outcome> outcomes = events.isEmpty() ? List.of() : target.applyAll(events);
        for (int i = 0; i < events.size(); i++) {
            logOutcome(events.get(i), origins.get(i), outcomes.get(i));
        }
        return skipped;
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
        logOutcome(event, origin, outcome);
        return Optional.of(outcome);
    }

    private static void logOutcome(RecordedEvent event, String origin, Outcome outcome) {
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
    }
}
