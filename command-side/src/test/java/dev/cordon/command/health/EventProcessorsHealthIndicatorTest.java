package dev.cordon.command.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.cordon.command.publish.PublishBacklog;
import dev.cordon.service.health.HealthStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * The publisher during and after a broker fault. After it, a replica whose segments another replica took over, or
 * whose segments are idle, has nothing that commits to clear its memory of failures; Axon still says
 * {@code isError()} on one that backed off without segments. Neither may keep it DEGRADED: only events that wait.
 */
class EventProcessorsHealthIndicatorTest {

    private static final Duration THRESHOLD = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ProcessorFailures failures = new ProcessorFailures(clock);
    private final PooledStreamingEventProcessor publisher = mock(PooledStreamingEventProcessor.class);
    private final PublishBacklog backlog = mock(PublishBacklog.class);
    private EventProcessorsHealthIndicator indicator;

    @BeforeEach
    void setUp() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.of("kafka-publisher", publisher));
        when(publisher.getName()).thenReturn("kafka-publisher");
        when(publisher.isRunning()).thenReturn(true);
        when(backlog.events()).thenReturn(0L);
        indicator = new EventProcessorsHealthIndicator(processing, backlog, failures, THRESHOLD, clock);
    }

    @Test
    void health_afterABrokerFault_withNoSegmentsHere_isUpAtOnce() {
        when(publisher.isError()).thenReturn(true);
        when(publisher.processingStatus()).thenReturn(Map.of());
        failures.failed("kafka-publisher", new IllegalStateException("Publishing to cordon.device-events failed"));
        waiting(3, Duration.ofSeconds(2));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails().get("kafka-publisher")).asString()
                .contains("backingOff=true", "lastError=");
    }

    @Test
    void health_afterABrokerFault_withIdleSegmentsHere_isUpOnceNothingWaits() {
        holdASegment();
        failures.failed("kafka-publisher", new IllegalStateException("Publishing to cordon.device-events failed"));
        waiting(3, Duration.ofSeconds(2));
        assertThat(indicator.health().getStatus()).isEqualTo(HealthStatuses.DEGRADED);

        when(backlog.events()).thenReturn(0L);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void health_whileTheOldestEventWaitsLongerThanTheThreshold_isDegradedWhoeverHoldsTheSegments() {
        when(publisher.processingStatus()).thenReturn(Map.of());
        waiting(40, THRESHOLD.plusSeconds(5));

        assertThat(indicator.health().getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(indicator.health().getDetails().get("kafka-publisher")).asString()
                .contains("oldestUnpublishedSeconds=15");
    }

    @Test
    void health_inErrorWhileHoldingASegment_isDegraded() {
        when(publisher.isError()).thenReturn(true);
        holdASegment();

        clock.advance(Duration.ofMinutes(10));

        assertThat(indicator.health().getStatus()).isEqualTo(HealthStatuses.DEGRADED);
    }

    @Test
    void health_afterACommittedBatch_isUp() {
        holdASegment();
        waiting(1, Duration.ZERO);
        failures.failed("kafka-publisher", new IllegalStateException("refused"));
        assertThat(indicator.health().getStatus()).isEqualTo(HealthStatuses.DEGRADED);

        failures.succeeded("kafka-publisher");

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void failed_aBatchThatLostItsClaim_isNoFailure() {
        failures.failed("kafka-publisher", new IllegalStateException("commit failed",
                new UnableToClaimTokenException("Unable to claim token 'kafka-publisher[2]'")));

        assertThat(failures.current("kafka-publisher")).isEmpty();
    }

    private void holdASegment() {
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(publisher.processingStatus()).thenReturn(Map.of(0, segment));
    }

    private void waiting(long events, Duration oldest) {
        when(backlog.events()).thenReturn(events);
        when(backlog.oldestWaitingSince()).thenReturn(Optional.of(clock.instant().minus(oldest)));
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

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
    }
}
