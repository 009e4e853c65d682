package dev.cordon.command.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.stereotype.Component;

/**
 * The last failure of each event processor on this instance, until it next commits a batch. A pooled processor
 * that fails a batch releases the segment and claims it again after a back-off, so Axon's own status shows no error
 * in between: this is what tells "retrying" from "idle". A failure older than {@link #FORGET_AFTER} with no newer
 * one is forgotten, as another replica may have taken the segment over and published it.
 */
@Component
public class ProcessorFailures {

    /** Longer than Axon's longest back-off before a released segment is tried again (one minute). */
    static final Duration FORGET_AFTER = Duration.ofMinutes(2);

    public record Failure(Instant at, String error) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProcessorFailures(Clock clock) {
        this.clock = clock;
    }

    /**
     * A batch that lost its segment's claim to another replica (its commit finds the token taken) is not a failure of
     * publishing: the other replica publishes it. Remembered, it kept a replica whose segments had moved DEGRADED long
     * after a broker fault, as the claims settled only after the fault and each loss restarted the forget time.
     */
    void failed(String processor, Throwable error) {
        if (lostClaim(error)) {
            return;
        }
        failures.put(processor, new Failure(clock.instant(), String.valueOf(error)));
    }

    private static boolean lostClaim(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnableToClaimTokenException) {
                return true;
            }
        }
        return false;
    }

    void succeeded(String processor) {
        failures.remove(processor);
    }

    /** @return the processor's failure, if its last batch failed (and not too long ago) */
    public Optional<Failure> current(String processor) {
        Failure failure = failures.get(processor);
        if (failure == null || failure.at().isBefore(clock.instant().minus(FORGET_AFTER))) {
            return Optional.empty();
        }
        return Optional.of(failure);
    }
}
