package dev.cordon.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RebuildProgressTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(RebuildProgress.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<RebuildStatus> phases = new ArrayList<>();
    private Level levelBefore;

    @BeforeEach
    void captureLog() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
        logger.setLevel(levelBefore);
    }

    private RebuildProgress progress(Duration logInterval) {
        return new RebuildProgress(RebuildSource.AUTO, RebuildMode.SWITCH, Clock.systemUTC(), logInterval,
                phases::add);
    }

    @Test
    void snapshot_whileBuilding_reportsEventsRateAndTimeLeft() throws Exception {
        RebuildProgress progress = progress(Duration.ofHours(1));
        progress.reading(RebuildSource.KAFKA, 1_000);
        Thread.sleep(20);
        progress.projected(250, 3);

        RebuildStatus status = progress.snapshot();

        assertThat(status.phase()).isEqualTo(RebuildPhase.BUILDING);
        assertThat(status.requestedSource()).isEqualTo(RebuildSource.AUTO);
        assertThat(status.source()).isEqualTo(RebuildSource.KAFKA);
        assertThat(status.eventsDone()).isEqualTo(250);
        assertThat(status.eventsTotal()).isEqualTo(1_000);
        assertThat(status.eventsSkipped()).isEqualTo(3);
        assertThat(status.eventsPerSecond()).isPositive();
        // Three times as many events left as done: about three times the time spent so far.
        assertThat(status.etaSeconds()).isCloseTo(3 * 250 / status.eventsPerSecond(), within(0.01));
        assertThat(progress.running()).isTrue();
    }

    @Test
    void logIfDue_logsProgressAtMostOncePerInterval() {
        RebuildProgress often = progress(Duration.ZERO);
        often.reading(RebuildSource.KAFKA, 10);
        often.projected(5, 0);
        often.logIfDue();
        assertThat(logged.list).last().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("building, 5 of about 10 events", "events/s", "s left");

        int lines = logged.list.size();
        RebuildProgress rarely = progress(Duration.ofHours(1));
        rarely.projected(5, 0);
        rarely.logIfDue();
        assertThat(logged.list).hasSize(lines);
    }

    @Test
    void phase_isReportedLoggedAndFrozenWhenFinished() {
        RebuildProgress progress = progress(Duration.ofHours(1));
        progress.projected(7, 0);
        progress.phase(RebuildPhase.VERIFYING);
        progress.failed("the database went away");

        RebuildStatus status = progress.snapshot();
        assertThat(status.phase()).isEqualTo(RebuildPhase.FAILED);
        assertThat(status.failure()).isEqualTo("the database went away");
        assertThat(status.finishedAt()).isNotNull();
        assertThat(status.etaSeconds()).isZero();
        assertThat(progress.running()).isFalse();
        assertThat(phases).extracting(RebuildStatus::phase).containsExactly(RebuildPhase.VERIFYING,
                RebuildPhase.FAILED);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("verifying", "7 events done"));
        assertThat(progress.snapshot().elapsedSeconds()).isEqualTo(status.elapsedSeconds());
    }
}
