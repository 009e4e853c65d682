package dev.cordon.standalone.process;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one child running: one that dies on its own is started again, the same way (same port, same environment),
 * after a {@link Backoff}, and counted. The gateway answers 503 for its routes meanwhile, and the others carry on:
 * the command side keeps storing commands while the broker is away, the event store being the outbox. Nothing is
 * restarted once the launcher is stopping, nor while {@code mayStart} says no (a data directory without room, where a
 * restart would only fail again).
 */
public final class Supervisor implements Stoppable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    /** How often a restart held back by {@code mayStart} asks again. */
    private static final Duration RECHECK = Duration.ofSeconds(5);

    /** Starts the child once more. */
    @FunctionalInterface
    public interface Start {
        ChildProcess start();
    }

    /** Returns once the child serves; throws if it does not within its start-up timeout. */
    @FunctionalInterface
    public interface Ready {
        void await(ChildProcess child);
    }

    public enum State { UP, RESTARTING, WAITING_FOR_SPACE, STOPPED }

    /** What the launcher's health tells about each child. */
    public record Status(String name, State state, int restarts) {
    }

    private final String name;
    private final Start start;
    private final Ready ready;
    private final Backoff backoff;
    private final BooleanSupplier stopping;
    private final BooleanSupplier mayStart;
    private final ScheduledExecutorService restarter;
    private final AtomicInteger restarts = new AtomicInteger();
    /** Guarded by {@code this}. */
    private ChildProcess current;
    private Instant startedAt;
    private Duration lastDelay;
    private volatile State state = State.UP;

    /**
     * @param first    the child as the launcher started it, already ready
     * @param stopping true once the launcher is stopping (a child's exit is expected then)
     * @param mayStart false while a restart would fail for want of something outside the child (disk space)
     */
    public Supervisor(ChildProcess first, Start start, Ready ready, Backoff backoff, BooleanSupplier stopping,
            BooleanSupplier mayStart) {
        this.name = first.name();
        this.start = start;
        this.ready = ready;
        this.backoff = backoff;
        this.stopping = stopping;
        this.mayStart = mayStart;
        this.restarter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cordon-restart-" + name.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        watch(first);
    }

    public Status status() {
        return new Status(name, state, restarts.get());
    }

    private void watch(ChildProcess child) {
        synchronized (this) {
            current = child;
            startedAt = Instant.now();
        }
        child.process().onExit().thenRun(() -> exited(child));
    }

    private void exited(ChildProcess child) {
        Duration delay;
        int restart;
        synchronized (this) {
            if (stopping.getAsBoolean() || child != current) {
                return;
            }
            delay = backoff.next(lastDelay, Duration.between(startedAt, Instant.now()));
            lastDelay = delay;
            restart = restarts.incrementAndGet();
        }
        state = State.RESTARTING;
        log.error("The {} exited unexpectedly (exit {}); restart #{} in {} s; see {}", name, child.exitValue(),
                restart, delay.toMillis() / 1000.0, child.log());
        schedule(() -> restart(restart), delay);
    }

    private void restart(int restart) {
        if (stopping.getAsBoolean()) {
            return;
        }
        if (!mayStart.getAsBoolean()) {
            if (state != State.WAITING_FOR_SPACE) {
                log.warn("The {} is restarted once the data directory has room again", name);
            }
            state = State.WAITING_FOR_SPACE;
            schedule(() -> restart(restart), RECHECK);
            return;
        }
        state = State.RESTARTING;
        Instant begin = Instant.now();
        ChildProcess child;
        try {
            child = start.start();
        } catch (RuntimeException e) {
            log.error("Restart #{} of the {} failed: {}", restart, name, e.getMessage());
            synchronized (this) {
                lastDelay = backoff.next(lastDelay, Duration.ZERO);
            }
            schedule(() -> restart(restart), lastDelay);
            return;
        }
        watch(child);
        if (stopping.getAsBoolean()) {
            child.stop(Duration.ofSeconds(10));
            return;
        }
        try {
            ready.await(child);
        } catch (RuntimeException notReady) {
            if (child.isAlive() && !stopping.getAsBoolean()) {
                // Alive but not serving: stopped, which the exit watch counts as one more death.
                log.error("The {} did not become ready after restart #{}: {}", name, restart, notReady.getMessage());
                child.stop(Duration.ofSeconds(10));
            }
            return;
        }
        if (child.isAlive() && !stopping.getAsBoolean()) {
            state = State.UP;
            log.info("The {} is back (restart #{}, ready {} s after it was started again)", name, restart,
                    Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            restarter.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stop() ran meanwhile
        }
    }

    /**
     * Stops the child, after any restart under way: that one is interrupted, and what it started is stopped here.
     * Called once the launcher is stopping, so nothing is started afterwards.
     */
    @Override
    public void stop(Duration timeout) {
        restarter.shutdownNow();
        try {
            if (!restarter.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("A restart of the {} did not end within 10 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChildProcess child;
        synchronized (this) {
            child = current;
        }
        child.stop(timeout);
        state = State.STOPPED;
    }
}
