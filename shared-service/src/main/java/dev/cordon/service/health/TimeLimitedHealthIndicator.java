package dev.cordon.service.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * A health indicator that answers within its timeout, whatever its dependency does. The check runs on an executor,
 * at most once at a time: a probe that finds it still running waits for that run (until the run's own deadline, not
 * its own), and an answer is reused for a moment, so a burst of probes while the database hangs neither piles up
 * threads nor waits in turn. A run that misses its deadline goes on; its answer is the next one.
 */
public class TimeLimitedHealthIndicator implements HealthIndicator {

    private final HealthIndicator delegate;
    private final Status unanswered;
    private final long timeoutNanos;
    private final long cacheNanos;
    private final Executor executor;
    private final LongSupplier nanoTime;
    private final Runnable startSiblings;

    private Run current;

    private record Run(long startedAt, CompletableFuture<Health> health) {
    }

    /**
     * @param startSiblings starts the other indicators' stale checks: Boot asks the components of one request in turn,
     *                      so without it their timeouts would add up
     */
    TimeLimitedHealthIndicator(HealthIndicator delegate, Status unanswered, Duration timeout, Duration cacheFor,
                               Executor executor, LongSupplier nanoTime, Runnable startSiblings) {
        this.delegate = delegate;
        this.unanswered = unanswered;
        this.timeoutNanos = timeout.toNanos();
        this.cacheNanos = cacheFor.toNanos();
        this.executor = executor;
        this.nanoTime = nanoTime;
        this.startSiblings = startSiblings;
    }

    /** Starts a run unless one is under way or its answer is fresh; several indicators are started side by side. */
    synchronized void refreshIfStale() {
        long now = nanoTime.getAsLong();
        if (current == null || current.health().isDone() && now - current.startedAt() > cacheNanos) {
            current = new Run(now, CompletableFuture.supplyAsync(delegate::health, executor));
        }
    }

    @Override
    public Health health() {
        startSiblings.run();
        refreshIfStale();
        Run run;
        synchronized (this) {
            run = current;
        }
        long left = run.startedAt() + timeoutNanos - nanoTime.getAsLong();
        try {
            return run.health().get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Health.status(unanswered)
                    .withDetail("error", "No answer within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down().withException(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    public HealthIndicator delegate() {
        return delegate;
    }
}
