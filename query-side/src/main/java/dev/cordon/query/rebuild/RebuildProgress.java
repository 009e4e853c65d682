package dev.cordon.query.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one rebuild: written by the rebuild's thread, read by status requests (hence synchronized), and
 * logged every progress interval and at each change of phase.
 */
final class RebuildProgress {

    private static final Logger log = LoggerFactory.getLogger(RebuildProgress.class);

    private final String id = UUID.randomUUID().toString();
    private final RebuildSource requestedSource;
    private final RebuildMode mode;
    private final Clock clock;
    private final Duration logInterval;
    private final Consumer<RebuildStatus> onPhaseChange;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();

    private RebuildPhase phase = RebuildPhase.BUILDING;
    private RebuildSource source;
    private long eventsDone;
    private long eventsTotal;
    private long eventsSkipped;
    private Instant finishedAt;
    private long finishedNanos;
    /** When the history stopped being read (verification and switch do not count towards events per second). */
    private long projectedUntilNanos;
    private String failure;
    private Verification verification;
    private long lastLogNanos = System.nanoTime();

    RebuildProgress(RebuildSource requestedSource, RebuildMode mode, Clock clock, Duration logInterval,
                    Consumer<RebuildStatus> onPhaseChange) {
        this.requestedSource = requestedSource;
        this.mode = mode;
        this.clock = clock;
        this.logInterval = logInterval;
        this.onPhaseChange = onPhaseChange;
        this.startedAt = clock.instant();
    }

    String id() {
        return id;
    }

    synchronized boolean running() {
        return !phase.finished();
    }

    void reading(RebuildSource source, long estimate) {
        synchronized (this) {
            this.source = source;
            this.eventsTotal = estimate;
        }
        log.info("Read-model rebuild {} ({} mode) reads {}: about {} events", id, mode.value(), source.value(),
                estimate);
    }

    synchronized void projected(int events, int skipped) {
        eventsDone += events;
        eventsSkipped += skipped;
        eventsTotal = Math.max(eventsTotal, eventsDone);
    }

    void phase(RebuildPhase next) {
        RebuildStatus status;
        synchronized (this) {
            phase = next;
            if (projectedUntilNanos == 0 && next != RebuildPhase.BUILDING && next != RebuildPhase.CATCHING_UP) {
                projectedUntilNanos = System.nanoTime();
            }
            if (next.finished()) {
                finishedAt = clock.instant();
                finishedNanos = System.nanoTime();
            }
            status = snapshot();
        }
        log.info("Read-model rebuild {}: {} ({} events done, {} events/s)", id, next.value(), status.eventsDone(),
                Math.round(status.eventsPerSecond()));
        onPhaseChange.accept(status);
    }

    synchronized void verified(Verification result) {
        verification = result;
    }

    void failed(String reason) {
        synchronized (this) {
            failure = reason;
        }
        phase(RebuildPhase.FAILED);
    }

    /** At most once per progress interval. */
    void logIfDue() {
        RebuildStatus status;
        synchronized (this) {
            if (System.nanoTime() - lastLogNanos < logInterval.toNanos()) {
                return;
            }
            lastLogNanos = System.nanoTime();
            status = snapshot();
        }
        log.info("Read-model rebuild {}: {}, {} of about {} events, {} events/s, about {} s left", id,
                status.phase().value(), status.eventsDone(), status.eventsTotal(),
                Math.round(status.eventsPerSecond()),
                status.etaSeconds() == null ? "?" : Math.round(status.etaSeconds()));
    }

    synchronized RebuildStatus snapshot() {
        long now = finishedAt == null ? System.nanoTime() : finishedNanos;
        double elapsed = (now - startNanos) / 1e9;
        double projecting = ((projectedUntilNanos == 0 ? now : projectedUntilNanos) - startNanos) / 1e9;
        double rate = projecting > 0 ? eventsDone / projecting : 0;
        Double eta = null;
        if (phase == RebuildPhase.BUILDING && rate > 0) {
            eta = Math.max(0, eventsTotal - eventsDone) / rate;
        } else if (phase != RebuildPhase.BUILDING) {
            eta = 0.0;
        }
        return new RebuildStatus(id, phase, requestedSource, source, mode, startedAt.toString(),
                finishedAt == null ? null : finishedAt.toString(), round(elapsed), eventsDone, eventsTotal,
                eventsSkipped, round(rate), eta == null ? null : round(eta), failure, verification);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
