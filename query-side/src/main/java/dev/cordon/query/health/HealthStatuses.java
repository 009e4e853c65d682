package dev.cordon.query.health;

import org.springframework.boot.actuate.health.Status;

/**
 * The status between UP and DOWN. DOWN answers 503 and takes the instance out of a load balancer; while the broker
 * is away, the consumer lags or the event store is unreachable, this side still answers every read (from read
 * models that may be behind), so those report DEGRADED, which answers 200. application.yml places it in the status
 * order and the HTTP mapping.
 */
public final class HealthStatuses {

    public static final Status DEGRADED = new Status("DEGRADED", "Serving, but a dependency needs attention");

    private HealthStatuses() {
    }
}
