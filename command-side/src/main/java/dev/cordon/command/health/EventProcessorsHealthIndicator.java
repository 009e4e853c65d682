package dev.cordon.command.health;

import dev.cordon.command.config.AxonConfig;
import dev.cordon.command.publish.PublishBacklog;
import dev.cordon.service.health.HealthStatuses;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Axon's event processors on this instance. A processor that is not running does nothing until the instance is
 * restarted (Axon stops one only on shutdown or when it cannot start): DOWN. One that is retrying (e.g. the publisher
 * while Kafka refuses) recovers by itself: DEGRADED, with the error.
 * <p>
 * The publisher is DEGRADED while the oldest event still to publish, by any replica, is older than
 * {@code cordon.health.publish-delay-threshold}: what an operator needs to know, and it clears as soon as publishing
 * has caught up, whichever replica holds the segments. A failed batch ({@link ProcessorFailures}) counts besides only
 * while this instance holds segments and events wait: a remembered failure on a replica whose segments moved away,
 * or whose segments are idle (nothing commits to clear it), is history, shown as {@code lastError}. Before, a replica
 * stayed DEGRADED for minutes after a broker fault, longer than the forget time: its segments had moved, so nothing
 * committed here, and each claim it lost while the claims settled was taken for a new failure.
 * <p>
 * Axon's own {@code isError()} of a pooled processor is its coordinator's back-off, which Axon resets only when the
 * coordinator next hands events to segments it has claimed: it counts only while this instance holds a segment, and
 * is a detail ({@code backingOff}) otherwise. The backlog is a detail too; alerts on it come from the
 * cordon_publish_backlog_events gauge.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final PublishBacklog backlog;
    private final ProcessorFailures failures;
    private final Duration publishDelayThreshold;
    private final Clock clock;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, PublishBacklog backlog,
                                          ProcessorFailures failures, Duration publishDelayThreshold, Clock clock) {
        super("Event processor health check failed");
        this.processing = processing;
        this.backlog = backlog;
        this.failures = failures;
        this.publishDelayThreshold = publishDelayThreshold;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Status status = Status.UP;
        for (EventProcessor processor : new TreeMap<>(processing.eventProcessors()).values()) {
            Map<String, Object> details = new LinkedHashMap<>();
            Optional<ProcessorFailures.Failure> failure = failures.current(processor.getName());
            boolean holdsWork = !(processor instanceof StreamingEventProcessor streaming)
                    || !streaming.processingStatus().isEmpty();
            boolean publisher = processor.getName().equals(AxonConfig.KAFKA_PUBLISHER_PROCESSOR);
            boolean error;
            if (publisher) {
                Waiting waiting = waiting();
                details.put("backlog", waiting.backlog());
                waiting.oldestSeconds().ifPresent(age -> details.put("oldestUnpublishedSeconds", age));
                boolean delayed = waiting.oldestSeconds().orElse(0L) > publishDelayThreshold.toSeconds();
                error = delayed || holdsWork && (processor.isError() || failure.isPresent() && waiting.any());
            } else {
                error = failure.isPresent() || processor.isError() && holdsWork;
            }
            details.put("running", processor.isRunning());
            details.put("error", error);
            if (processor.isError() && !holdsWork) {
                details.put("backingOff", true);
            }
            failure.ifPresent(f -> {
                details.put("lastError", f.error());
                details.put("lastErrorAt", f.at().toString());
            });
            if (processor instanceof StreamingEventProcessor streaming) {
                details.put("segments", segments(streaming));
            }
            builder.withDetail(processor.getName(), details);
            if (!processor.isRunning()) {
                status = Status.DOWN;
            } else if (error && status != Status.DOWN) {
                status = HealthStatuses.DEGRADED;
            }
        }
        builder.status(status);
    }

    private static Map<Integer, Map<String, Object>> segments(StreamingEventProcessor processor) {
        Map<Integer, Map<String, Object>> segments = new TreeMap<>();
        processor.processingStatus().forEach((id, tracker) -> segments.put(id, segment(tracker)));
        return segments;
    }

    private static Map<String, Object> segment(EventTrackerStatus tracker) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caughtUp", tracker.isCaughtUp());
        details.put("replaying", tracker.isReplaying());
        tracker.getCurrentPosition().ifPresent(position -> details.put("position", position));
        if (tracker.isErrorState()) {
            details.put("error", tracker.getError() == null ? "unknown" : tracker.getError().toString());
        }
        return details;
    }

    /**
     * @param backlog       events still to publish, or why it was not measured (the database is away: the db
     *                      component says so; a failure while events wait still counts then)
     * @param oldestSeconds how long the oldest of them has waited
     */
    private record Waiting(Object backlog, Optional<Long> oldestSeconds) {

        boolean any() {
            return !(backlog instanceof Long events) || events > 0;
        }
    }

    private Waiting waiting() {
        try {
            long events = backlog.events();
            Optional<Long> oldest = events == 0 ? Optional.empty() : backlog.oldestWaitingSince()
                    .map(since -> Math.max(0, Duration.between(since, clock.instant()).toSeconds()));
            return new Waiting(events, oldest);
        } catch (RuntimeException e) {
            return new Waiting("not measured: " + e.getMessage(), Optional.empty());
        }
    }
}
