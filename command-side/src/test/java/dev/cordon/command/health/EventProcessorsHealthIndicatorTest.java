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
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * The publisher after a broker fault, on a replica whose segments another replica took over while it backed off:
 * Axon still says {@code isError()} (its coordinator's back-off is reset only when it next hands events to a segment
 * it holds), and nothing commits here to clear the failure.
 */
class EventProcessorsHealthIndicatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ProcessorFailures failures = new ProcessorFailures(clock);
    private final PooledStreamingEventProcessor publisher = mock(PooledStreamingEventProcessor.class);
    private EventProcessorsHealthIndicator indicator;

    @BeforeEach
    void setUp() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.of("kafka-publisher", publisher));
        when(publisher.getName()).thenReturn("kafka-publisher");
        when(publisher.isRunning()).thenReturn(true);
        PublishBacklog backlog = mock(PublishBacklog.class);
        when(backlog.events()).thenReturn(0L);
        indicator = new EventProcessorsHealthIndicator(processing, backlog, failures);
    }

    @Test
    void health_afterABrokerFault_withNoSegmentsHere_isUpOnceTheFailureIsForgotten() {
        when(publisher.isError()).thenReturn(true);
        when(publisher.processingStatus()).thenReturn(Map.of());
        failures.failed("kafka-publisher", new IllegalStateException("Publishing to cordon.device-events failed"));

        clock.advance(ProcessorFailures.FORGET_AFTER.minusSeconds(1));
        assertThat(indicator.health().getStatus()).isEqualTo(HealthStatuses.DEGRADED);

        clock.advance(Duration.ofSeconds(2));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails().get("kafka-publisher")).asString().contains("backingOff=true");
    }

    @Test
    void health_inErrorWhileHoldingASegment_isDegraded() {
        when(publisher.isError()).thenReturn(true);
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(publisher.processingStatus()).thenReturn(Map.of(0, segment));

        clock.advance(Duration.ofMinutes(10));

        assertThat(indicator.health().getStatus()).isEqualTo(HealthStatuses.DEGRADED);
    }

    @Test
    void health_afterACommittedBatch_isUp() {
        when(publisher.processingStatus()).thenReturn(Map.of());
        failures.failed("kafka-publisher", new IllegalStateException("refused"));
        assertThat(indicator.health().getStatus()).isEqualTo(HealthStatuses.DEGRADED);

        failures.succeeded("kafka-publisher");

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
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
