package dev.cordon.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The projection's meters, named in docs/monitoring.md: records by event type and outcome, and how long after it
 * happened an event reached the read models. The consumer's lag in records is the Kafka client's own metric.
 */
@Component
public class ProjectionMetrics {

    static final String PROJECTED = "cordon.events.projected";
    static final String LAG = "cordon.projection.lag";
    /** For records whose event type is not known (unknown to this version, or unreadable). */
    static final String UNKNOWN_TYPE = "unknown";

    /** What became of a record beyond the projection's own outcomes. */
    enum Other {
        /** An event type this version does not know: skipped. */
        SKIPPED,
        /** A known event that no device read model keeps (a bulk action's own): skipped as expected. */
        NOT_A_DEVICE_EVENT,
        /** A record that can never be projected: logged and skipped by the error handler. */
        POISON,
        /** Projecting failed (e.g. the database is away); the record is tried again. Counts every attempt. */
        FAILED
    }

    /** From the milliseconds of a healthy pipeline to the minutes of an outage somewhere on the way. */
    private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)};

    private final MeterRegistry registry;
    private final Timer lag;
    private final Clock clock = Clock.systemUTC();

    public ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder(LAG)
                .description("Time from an event's time (when it was stored) to its projection's commit")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
    }

    /** Once the projection's transaction committed. Only newly applied events say how far behind the models are. */
    void projected(RecordedEvent event, DeviceEventProjection.Outcome outcome) {
        count(event.event().getClass().getSimpleName(), outcome.name());
        if (outcome == DeviceEventProjection.Outcome.APPLIED) {
            Duration behind = Duration.between(event.time(), clock.instant());
            lag.record(behind.isNegative() ? Duration.ZERO : behind);
        }
    }

    void other(String type, Other outcome) {
        count(type, outcome.name());
    }

    private void count(String type, String outcome) {
        Counter.builder(PROJECTED)
                .description("Kafka records handled by the projection, by event type and outcome")
                .tag("type", type)
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
