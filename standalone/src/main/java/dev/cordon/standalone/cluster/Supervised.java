package dev.cordon.standalone.cluster;

import dev.cordon.standalone.process.ChildProcess;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child of the cluster that is started again, on the same ports and data, when it dies on its own: the other
 * replicas carry the load meanwhile, as a container's restart policy would have them do. The delay keeps a child
 * that dies at once from being restarted in a tight loop.
 */
final class Supervised {

    private static final Logger log = LoggerFactory.getLogger(Supervised.class);

    private final Supplier<ChildProcess> starter;
    private final Duration restartDelay;
    /** Guarded by {@code this}. */
    private ChildProcess current;
    private boolean stopping;
    private int restarts;

    private Supervised(Supplier<ChildProcess> starter, Duration restartDelay) {
        this.starter = starter;
        this.restartDelay = restartDelay;
    }

    static Supervised start(Supplier<ChildProcess> starter, Duration restartDelay) {
        Supervised supervised = new Supervised(starter, restartDelay);
        synchronized (supervised) {
            supervised.current = starter.get();
            supervised.watch(supervised.current);
        }
        return supervised;
    }

    synchronized ChildProcess current() {
        return current;
    }

    synchronized int restarts() {
        return restarts;
    }

    private void watch(ChildProcess child) {
        child.process().onExit().thenRun(() -> {
            synchronized (this) {
                if (stopping) {
                    return;
                }
            }
            log.warn("The {} (PID {}) exited unexpectedly (exit {}); starting it again in {}; see {}", child.name(),
                    child.pid(), child.exitValue(), restartDelay, child.log());
            CompletableFuture.delayedExecutor(restartDelay.toMillis(), TimeUnit.MILLISECONDS).execute(this::restart);
        });
    }

    private synchronized void restart() {
        if (stopping) {
            return;
        }
        try {
            current = starter.get();
        } catch (RuntimeException e) {
            log.error("Starting the {} again failed; trying again in {}: {}", current.name(), restartDelay,
                    e.toString());
            CompletableFuture.delayedExecutor(restartDelay.toMillis(), TimeUnit.MILLISECONDS).execute(this::restart);
            return;
        }
        restarts++;
        log.info("Started the {} again as PID {}", current.name(), current.pid());
        watch(current);
    }

    /** Never started again after this, also when a restart was due. */
    void stop(Duration timeout) {
        ChildProcess child;
        synchronized (this) {
            stopping = true;
            child = current;
        }
        child.stop(timeout);
    }
}
