package dev.cordon.command.device;

import java.time.Duration;

/** How long an action may stay open; the seed's retry window for an offline device is 3 days. */
public record ActionTimeoutPolicy(Duration timeout) {

    public ActionTimeoutPolicy {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cordon.actions.timeout must be positive, was " + timeout);
        }
    }
}
