package dev.cordon.query.health;

import dev.cordon.service.health.HealthStatuses;
import dev.cordon.service.health.KafkaErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code projection}: how old the read models are and whether every partition is being projected. DEGRADED while
 * the oldest record not yet projected is older than {@code cordon.health.staleness-threshold}, or a partition of the
 * topic has no consumer in the group (a query side died and the group has not taken its partitions over, or none
 * runs): reads are still answered, from read models that fall behind. Never DOWN, as for lag. The broker's answer
 * is reused for {@code cordon.health.broker-cache-for}, so probes do not each ask the broker four questions and read
 * records; the ages are counted to the moment of the answer. UNKNOWN when the broker cannot be asked (the kafka
 * component says why).
 */
public class ProjectionHealthIndicator extends AbstractHealthIndicator {

    /** The broker's answer, as read by {@link ProjectionProgress}. */
    @FunctionalInterface
    interface Progress {
        ProjectionProgress.Snapshot read(Instant now) throws ExecutionException, TimeoutException,
                InterruptedException;
    }

    private final Progress progress;
    private final Duration threshold;
    private final Duration cacheFor;
    private final Clock clock;
    private ProjectionProgress.Snapshot last;

    public ProjectionHealthIndicator(Progress progress, Duration threshold, Duration cacheFor, Clock clock) {
        super("Projection health check failed");
        this.progress = progress;
        this.threshold = threshold;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    protected synchronized void doHealthCheck(Health.Builder builder) throws InterruptedException {
        Instant now = clock.instant();
        builder.withDetail("stalenessThresholdSeconds", threshold.toSeconds());
        if (last == null || !now.isBefore(last.at().plus(cacheFor))) {
            try {
                last = progress.read(now);
            } catch (ExecutionException | TimeoutException e) {
                last = null;
                builder.status(Status.UNKNOWN).withDetail("error", "Progress not read: " + KafkaErrors.describe(e));
                return;
            }
        }
        Map<Integer, Long> stale = new TreeMap<>();
        last.oldestWritten().forEach((partition, written) ->
                stale.put(partition, Math.max(0, Duration.between(written, now).toSeconds())));
        long staleness = stale.values().stream().mapToLong(Long::longValue).max().orElse(0);
        builder.withDetail("stalenessSeconds", staleness)
                .withDetail("stalePartitions", stale)
                .withDetail("unownedPartitions", last.unowned())
                .withDetail("groupState", last.groupState())
                .withDetail("members", last.members())
                .withDetail("readAt", last.at().toString());
        if (!last.unread().isEmpty()) {
            builder.withDetail("ageNotRead", last.unread());
        }
        boolean degraded = staleness > threshold.toSeconds() || !last.unowned().isEmpty();
        builder.status(degraded ? HealthStatuses.DEGRADED : Status.UP);
    }
}
