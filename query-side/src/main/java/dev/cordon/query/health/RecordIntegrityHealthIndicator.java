package dev.cordon.query.health;

import dev.cordon.query.projection.RecordIntegrity;
import dev.cordon.service.health.HealthStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code recordIntegrity}: DEGRADED for a day after a record on the topic was refused (RecordIntegrity), which means
 * someone other than the command side wrote to the topic, or a record was changed: the read models are still right,
 * but the broker's access needs looking at.
 */
class RecordIntegrityHealthIndicator extends AbstractHealthIndicator {

    static final Duration REMEMBERED = Duration.ofDays(1);

    private final RecordIntegrity integrity;
    private final Clock clock;

    RecordIntegrityHealthIndicator(RecordIntegrity integrity, Clock clock) {
        this.integrity = integrity;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant last = integrity.lastRejected();
        builder.withDetail("rejectedRecords", integrity.rejectedCount());
        if (last != null) {
            builder.withDetail("lastRejected", last.toString());
        }
        if (last != null && last.isAfter(clock.instant().minus(REMEMBERED))) {
            builder.status(HealthStatuses.DEGRADED);
        } else {
            builder.up();
        }
    }
}
