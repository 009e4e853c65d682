package dev.cordon.service.health;

import org.springframework.boot.actuate.health.Status;

/**
 * The status between UP and DOWN. DOWN answers 503 and takes the instance out of a load balancer; a broker that is
 * away, a publisher that is retrying, a consumer that lags or an unreachable event store stops neither side from
 * serving (the command side's event store is the outbox; the query side answers from read models that may be behind),
 * so those report DEGRADED, which answers 200. {@link dev.cordon.service.defaults.ServiceDefaults} places it in the
 * status order and the HTTP mapping.
 */
public final class HealthStatuses {

    public static final Status DEGRADED = new Status("DEGRADED", "Serving, but a dependency needs attention");

    private HealthStatuses() {
    }
}
