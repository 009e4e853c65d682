package dev.cordon.command.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The publisher's meters: events the broker acknowledged, by type; how long after it was stored an event was
 * acknowledged; and the backlog still to send. Names are in docs/monitoring.md.
 */
@Component
public class PublishMetrics {

    static final String PUBLISHED = "cordon.events.published";
    static final String LAG = "cordon.publish.lag";
    static final String BACKLOG = "cordon.publish.backlog";

    private static final Logger log = LoggerFactory.getLogger(PublishMetrics.class);
    /** From a healthy few milliseconds to the minutes of a broker outage; the send timeout is 30 s by default. */
    private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)};

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer lag;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();

    public PublishMetrics(MeterRegistry registry, Clock clock, PublishBacklog backlog) {
        this.registry = registry;
        this.clock = clock;
        this.lag = Timer.builder(LAG)
                .description("Time from an event's timestamp in the event store to the broker's acknowledgement")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
        Gauge.builder(BACKLOG, backlog, PublishMetrics::backlogOrNaN)
                .description("Events stored but not yet published: event store head minus the publisher's position")
                .baseUnit("events")
                .register(registry);
    }

    /** Called once the broker acknowledged the event (on the producer's thread: keep it cheap). */
    void acknowledged(String eventType, Instant storedAt) {
        published.computeIfAbsent(eventType, type -> Counter.builder(PUBLISHED)
                        .description("Events the broker acknowledged, by event type (a retried batch counts again)")
                        .tag("type", type)
                        .register(registry))
                .increment();
        Duration sinceStored = Duration.between(storedAt, clock.instant());
        lag.record(sinceStored.isNegative() ? Duration.ZERO : sinceStored);
    }

    /** A scrape must not fail because the database is away: the gauge is then absent from the figures (NaN). */
    private static double backlogOrNaN(PublishBacklog backlog) {
        try {
            return backlog.events();
        } catch (RuntimeException e) {
            log.debug("Publish backlog not measured: {}", e.toString());
            return Double.NaN;
        }
    }
}
