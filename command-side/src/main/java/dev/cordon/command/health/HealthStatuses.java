package dev.cordon.command.health;

import org.springframework.boot.actuate.health.Status;

/**
 * The status between UP and DOWN. DOWN answers 503 and takes the instance out of a load balancer; a broker that is
 * away or a publisher that is retrying does not stop this side from taking commands (the event store is the outbox),
 * so those report DEGRADED, which answers 200. application.yml places it in the status order and the HTTP mapping.
 */
public final class HealthStatuses {

    public static final Status DEGRADED = new Status("DEGRADED", "Serving, but a dependency needs attention");

    private HealthStatuses() {
    }
}
