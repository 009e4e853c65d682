package dev.cordon.query.health;

import dev.cordon.service.health.HealthStatuses;
import dev.cordon.service.health.UnansweredStatus;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;

/**
 * The command side's event store, read only, as this side uses it: the fallback that answers a just-created action
 * before the projection has it. Without it every read is still served, and such a lookup answers 503 for a moment,
 * so unreachable is DEGRADED, not DOWN.
 */
public class EventStoreHealthIndicator implements HealthIndicator, UnansweredStatus {

    private final DataSourceHealthIndicator probe;

    public EventStoreHealthIndicator(DataSource eventStore) {
        this.probe = new DataSourceHealthIndicator(eventStore);
    }

    @Override
    public Status unansweredStatus() {
        return HealthStatuses.DEGRADED;
    }

    @Override
    public Health health() {
        Health health = probe.health();
        return Status.UP.equals(health.getStatus()) ? health
                : Health.status(HealthStatuses.DEGRADED).withDetails(health.getDetails()).build();
    }
}
