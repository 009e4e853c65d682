package dev.cordon.query.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.service.health.HealthStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ProjectionHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration THRESHOLD = Duration.ofSeconds(30);

    private final AtomicInteger reads = new AtomicInteger();
    private Instant now = NOW;

    private ProjectionHealthIndicator indicator(ProjectionProgress.Snapshot answer) {
        return new ProjectionHealthIndicator(at -> {
            reads.incrementAndGet();
            return answer;
        }, THRESHOLD, Duration.ofSeconds(5), clock());
    }

    private static ProjectionProgress.Snapshot snapshot(Set<Integer> unowned, Map<Integer, Instant> oldest) {
        return new ProjectionProgress.Snapshot(NOW, 6, "Stable", 2, unowned, oldest, Set.of());
    }

    @Test
    void health_caughtUpWithEveryPartitionOwned_isUpWithStalenessZero() {
        Health health = indicator(snapshot(Set.of(), Map.of())).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("stalenessSeconds", 0L).containsEntry("members", 2);
    }

    @Test
    void health_withTheOldestUnprojectedRecordPastTheThreshold_isDegradedNamingThePartition() {
        Health health = indicator(snapshot(Set.of(), Map.of(1, NOW.minusSeconds(3), 4, NOW.minusSeconds(45))))
                .health();

        assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(health.getDetails()).containsEntry("stalenessSeconds", 45L);
        assertThat(health.getDetails().get("stalePartitions")).isEqualTo(Map.of(1, 3L, 4, 45L));
    }

    @Test
    void health_withAFewRecordsBehindForLong_isDegraded_thoughTheLagInRecordsIsSmall() {
        Health health = indicator(snapshot(Set.of(), Map.of(0, NOW.minus(THRESHOLD).minusSeconds(1)))).health();

        assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
    }

    @Test
    void health_withPartitionsWithoutConsumer_isDegradedNamingThem() {
        Health health = indicator(snapshot(Set.of(3, 4, 5), Map.of())).health();

        assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(health.getDetails().get("unownedPartitions")).isEqualTo(Set.of(3, 4, 5));
    }

    @Test
    void health_reusesTheBrokersAnswerForAFewSeconds_countingTheAgeToNow() {
        ProjectionHealthIndicator indicator = indicator(snapshot(Set.of(), Map.of(2, NOW.minusSeconds(28))));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        now = NOW.plusSeconds(4);
        Health later = indicator.health();

        assertThat(reads).hasValue(1);
        assertThat(later.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(later.getDetails()).containsEntry("stalenessSeconds", 32L);

        now = NOW.plusSeconds(5);
        indicator.health();
        assertThat(reads).hasValue(2);
    }

    @Test
    void health_whenTheBrokerCannotBeAsked_isUnknown() {
        ProjectionHealthIndicator indicator = new ProjectionHealthIndicator(at -> {
            throw new TimeoutException("Timed out waiting for a node assignment");
        }, THRESHOLD, Duration.ofSeconds(5), clock());

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails().get("error")).asString().startsWith("Progress not read");
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }
}
