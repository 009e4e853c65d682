package dev.cordon.command.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops the deadline scheduler before Axon. The db-scheduler starter stops it only when its bean is destroyed,
 * after Axon has shut down; a deadline that fell due in between ran against a stopped Axon, failed, and was
 * retried only five minutes later. Stopping it first lets a running deadline finish and leaves the rest in the
 * table for the next start (or another replica).
 */
@Component
class DeadlineSchedulerShutdown implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    DeadlineSchedulerShutdown(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        running = true; // the starter starts the scheduler once the application is ready
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Higher than Axon's phase, so this stops first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
