package dev.cordon.standalone.process;

import java.time.Duration;

/**
 * How long to wait before restarting a child that died: {@code initial}, doubled after each death up to {@code max},
 * and {@code initial} again once the child had run {@code stableAfter} without dying. A child that cannot start
 * (a broken setting, a full disk) is then tried every {@code max}, not in a tight loop, while one that died once
 * after a long run is back at once.
 */
public record Backoff(Duration initial, Duration max, Duration stableAfter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max: " + initial + ", " + max);
        }
    }

    /**
     * @param previous the delay before the run that just ended, or {@code null} for the first death
     * @param ranFor   how long that run lasted
     * @return the delay before the next start
     */
    public Duration next(Duration previous, Duration ranFor) {
        if (previous == null || ranFor.compareTo(stableAfter) >= 0) {
            return initial;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
