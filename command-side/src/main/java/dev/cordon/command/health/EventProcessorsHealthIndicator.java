package dev.cordon.command.health;

import dev.cordon.service.health.HealthStatuses;

import dev.cordon.command.config.AxonConfig;
import dev.cordon.command.publish.PublishBacklog;
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
 * restarted (Axon stops one only on shutdown or when it cannot start): DOWN. One whose last batch failed
 * ({@link ProcessorFailures}, forgotten after its forget time), or that is in error while it holds segments here, is
 * retrying (e.g. the publisher while Kafka refuses) and recovers by itself: DEGRADED, with the error.
 * <p>
 * Axon's own {@code isError()} of a pooled processor is its coordinator's back-off, which Axon resets only when the
 * coordinator next hands events to segments it has claimed: an instance whose segments another replica took over
 * while it backed off kept reporting an error with nothing wrong, long after its failures were forgotten. It counts
 * only while this instance holds a segment, and is a detail ({@code backingOff}) otherwise. The publisher's backlog is
 * a detail for whoever looks; alerts on it come from the cordon_publish_backlog_events gauge.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final PublishBacklog backlog;
    private final ProcessorFailures failures;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, PublishBacklog backlog,
                                          ProcessorFailures failures) {
        super("Event processor health check failed");
        this.processing = processing;
        this.backlog = backlog;
        this.failures = failures;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Status status = Status.UP;
        for (EventProcessor processor : new TreeMap<>(processing.eventProcessors()).values()) {
            Map<String, Object> details = new LinkedHashMap<>();
            Optional<ProcessorFailures.Failure> failure = failures.current(processor.getName());
            boolean holdsWork = !(processor instanceof StreamingEventProcessor streaming)
                    || !streaming.processingStatus().isEmpty();
            boolean error = failure.isPresent() || processor.isError() && holdsWork;
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
            if (processor.getName().equals(AxonConfig.KAFKA_PUBLISHER_PROCESSOR)) {
                details.put("backlog", backlogOrError());
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

    private Object backlogOrError() {
        try {
            return backlog.events();
        } catch (RuntimeException e) {
            return "not measured: " + e.getMessage();
        }
    }
}
