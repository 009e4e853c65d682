package dev.cordon.service.health;

import org.springframework.boot.actuate.health.Status;

/**
 * What a health indicator reports when it does not answer within {@code cordon.health.check-timeout}; an indicator
 * without it reports UNKNOWN (the cause shows in another component), a database check DOWN.
 */
public interface UnansweredStatus {

    Status unansweredStatus();
}
