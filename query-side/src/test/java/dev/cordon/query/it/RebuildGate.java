package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.query.rebuild.ReadModelRebuildPhaseChanged;
import dev.cordon.query.rebuild.RebuildPhase;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;

/**
 * A bean of the application under test that holds the rebuild's thread when it enters a phase, until the test lets
 * it go on.
 */
public class RebuildGate {

    private volatile RebuildPhase holdAt;
    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    synchronized void holdAt(RebuildPhase phase) {
        CountDownLatch previous = release;
        reached = new CountDownLatch(1);
        release = new CountDownLatch(1);
        holdAt = phase;
        previous.countDown();
    }

    void awaitReached() throws InterruptedException {
        assertThat(reached.await(60, TimeUnit.SECONDS)).as("rebuild reached " + holdAt).isTrue();
    }

    synchronized void releaseAll() {
        holdAt = null;
        release.countDown();
    }

    @EventListener
    void on(ReadModelRebuildPhaseChanged changed) {
        RebuildPhase phase = changed.status().phase();
        CountDownLatch waitFor;
        synchronized (this) {
            if (phase != holdAt) {
                return;
            }
            waitFor = release;
            reached.countDown();
        }
        try {
            waitFor.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
