package dev.cordon.command.agent.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.agent.AgentReports;
import dev.cordon.command.device.AgentReportedStatus;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/** What the simulated agent reports, and that nothing it meets stops it or holds up a shutdown. */
class SimulatedAgentTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");
    private static final Duration DELAY = Duration.ofSeconds(3);

    private final ActionIndex index = mock(ActionIndex.class);
    private final AgentReports reports = mock(AgentReports.class);

    @Test
    void round_pendingAction_isReportedInProgressByTheSimulatedAgent() {
        ActionRecord pending = action("a1", ActionStatus.Pending, T0);
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND)).thenReturn(List.of(pending));

        agent(0, T0).round();

        verify(reports).report(eq(pending), eq(AgentReportedStatus.InProgress), eq(0), anyString(),
                eq("Simulated device agent"));
    }

    @Test
    void round_inProgressForLessThanTheDelay_isLeftAlone() {
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND))
                .thenReturn(List.of(action("a1", ActionStatus.InProgress, T0)));

        agent(0, T0.plus(DELAY).minusMillis(1)).round();

        verify(reports, never()).report(any(), any(), anyInt(), any(), any());
    }

    @Test
    void round_inProgressForTheDelay_succeeds() {
        ActionRecord started = action("a1", ActionStatus.InProgress, T0);
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND)).thenReturn(List.of(started));

        agent(0, T0.plus(DELAY)).round();

        verify(reports).report(eq(started), eq(AgentReportedStatus.Succeeded), eq(0), anyString(),
                eq(SimulatedAgent.REQUESTOR));
    }

    @Test
    void round_withFailureRateOne_failsWithAnHResult() {
        ActionRecord started = action("a1", ActionStatus.InProgress, T0);
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND)).thenReturn(List.of(started));

        agent(1, T0.plus(DELAY)).round();

        verify(reports).report(eq(started), eq(AgentReportedStatus.Failed), eq(0x80004005), anyString(),
                eq(SimulatedAgent.REQUESTOR));
    }

    @Test
    void round_actionsOfAnOfflineDevice_areNeverReported_andTheOthersAre() {
        ActionRecord offlinePending = action("a1", ActionStatus.Pending, T0);
        ActionRecord offlineStarted = new ActionRecord("a2", "device-a1", ActionType.Isolate, IsolationType.Full,
                ActionStatus.InProgress, "host", "soc", "Suspected ransomware", "PublicApi", null, T0, T0, null, null,
                null, 0);
        ActionRecord online = action("a3", ActionStatus.Pending, T0);
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND + 1))
                .thenReturn(List.of(offlinePending, offlineStarted, online));
        SimulatedAgent agent = new SimulatedAgent(index, reports, properties(true, 0, Set.of("device-a1")),
                clock(T0.plus(DELAY)), new Random(42), Duration.ofSeconds(1));

        agent.round();
        agent.round();

        verify(reports, never()).report(eq(offlinePending), any(), anyInt(), any(), any());
        verify(reports, never()).report(eq(offlineStarted), any(), anyInt(), any(), any());
        verify(reports, times(2)).report(eq(online), eq(AgentReportedStatus.InProgress), eq(0), anyString(),
                eq(SimulatedAgent.REQUESTOR));
    }

    /** Each offline device holds at most one open action; asking for that many more leaves the others their round. */
    @Test
    void round_withOfflineDevices_asksForThatManyMoreOpenActions() {
        new SimulatedAgent(index, reports, properties(true, 0, Set.of("d1", "d2")), clock(T0), new Random(42),
                Duration.ofSeconds(1)).round();

        verify(index).openActions(SimulatedAgent.ACTIONS_PER_ROUND + 2);
    }

    @Test
    void behaviour_failsAboutAsOftenAsTheFailureRate() {
        SimulatedBehaviour behaviour = new SimulatedBehaviour(DELAY, 0.25, new Random(7));
        ActionRecord started = action("a1", ActionStatus.InProgress, T0);
        long failed = 0;
        for (int i = 0; i < 10_000; i++) {
            if (behaviour.next(started, T0.plus(DELAY)).orElseThrow() == AgentReportedStatus.Failed) {
                failed++;
            }
        }
        assertThat(failed).isBetween(2_300L, 2_700L);
    }

    @Test
    void behaviour_withFailureRateZero_neverFails() {
        SimulatedBehaviour behaviour = new SimulatedBehaviour(DELAY, 0, new Random(7));
        ActionRecord started = action("a1", ActionStatus.InProgress, T0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(behaviour.next(started, T0.plus(DELAY))).contains(AgentReportedStatus.Succeeded);
        }
    }

    @Test
    void behaviour_finalAction_isLeftAlone() {
        SimulatedBehaviour behaviour = new SimulatedBehaviour(Duration.ZERO, 0, new Random(7));
        for (ActionStatus status : List.of(ActionStatus.Succeeded, ActionStatus.Failed, ActionStatus.Cancelled,
                ActionStatus.TimeOut)) {
            assertThat(behaviour.next(action("a1", status, T0), T0.plusSeconds(60))).as(status.name()).isEmpty();
        }
    }

    @Test
    void round_reportRefusedByTheAggregate_movesOnToTheNextAction() {
        ActionRecord cancelledMeanwhile = action("a1", ActionStatus.Pending, T0);
        ActionRecord next = action("a2", ActionStatus.Pending, T0);
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND)).thenReturn(List.of(cancelledMeanwhile, next));
        doThrow(new RuleViolationException(ErrorCode.InvalidActionState, "Action a1 is no longer pending"))
                .when(reports).report(eq(cancelledMeanwhile), any(), anyInt(), any(), any());

        assertThatCode(agent(0, T0)::round).doesNotThrowAnyException();

        verify(reports).report(eq(next), eq(AgentReportedStatus.InProgress), eq(0), anyString(), anyString());
    }

    @Test
    void round_unexpectedFailureOfAReport_movesOnToTheNextAction() {
        ActionRecord first = action("a1", ActionStatus.Pending, T0);
        ActionRecord next = action("a2", ActionStatus.Pending, T0);
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND)).thenReturn(List.of(first, next));
        doThrow(new IllegalStateException("retries exhausted"))
                .when(reports).report(eq(first), any(), anyInt(), any(), any());

        assertThatCode(agent(0, T0)::round).doesNotThrowAnyException();

        verify(reports).report(eq(next), eq(AgentReportedStatus.InProgress), eq(0), anyString(), anyString());
    }

    @Test
    void round_whenTheIndexCannotBeRead_doesNotEndTheSchedule() {
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND))
                .thenThrow(new DataAccessResourceFailureException("database down"));

        assertThatCode(agent(0, T0)::roundSafely).doesNotThrowAnyException();
    }

    @Test
    void start_whenDisabled_startsNothing() {
        SimulatedAgent agent = new SimulatedAgent(index, reports, properties(false, 0), clock(T0), new Random(1),
                Duration.ofSeconds(1));
        agent.start();
        assertThat(agent.isRunning()).isFalse();
        verify(index, never()).openActions(anyInt());
    }

    @Test
    void start_withOfflineDevices_logsThemOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(SimulatedAgent.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        SimulatedAgent agent = new SimulatedAgent(index, reports,
                new AgentSimulationProperties(true, Duration.ofHours(1), DELAY, 0, Set.of("dev-b", "dev-a")),
                clock(T0), new Random(1), Duration.ofSeconds(1));
        try {
            agent.start();
        } finally {
            agent.stop();
            logger.detachAppender(logged);
        }

        assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("offline")).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString().endsWith("[dev-a, dev-b]");
    }

    @Test
    void stop_whileAReportHangs_returnsAndInterruptsIt() throws Exception {
        when(index.openActions(SimulatedAgent.ACTIONS_PER_ROUND))
                .thenReturn(List.of(action("a1", ActionStatus.Pending, T0)));
        CountDownLatch reporting = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        doAnswer(invocation -> {
            reporting.countDown();
            try {
                new CountDownLatch(1).await(); // a command that never comes back
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
            return null;
        }).when(reports).report(any(), any(), anyInt(), any(), any());
        SimulatedAgent agent = new SimulatedAgent(index, reports, properties(true, 0), clock(T0), new Random(1),
                Duration.ofMillis(200));
        agent.start();
        assertThat(reporting.await(30, TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> agent.stop());

        assertThat(agent.isRunning()).isFalse();
        assertThat(interrupted.await(20, TimeUnit.SECONDS)).as("the hanging report was interrupted").isTrue();
    }

    private SimulatedAgent agent(double failureRate, Instant now) {
        return new SimulatedAgent(index, reports, properties(true, failureRate), clock(now), new Random(42),
                Duration.ofSeconds(1));
    }

    private static AgentSimulationProperties properties(boolean enabled, double failureRate) {
        return new AgentSimulationProperties(enabled, Duration.ofMillis(10), DELAY, failureRate);
    }

    private static AgentSimulationProperties properties(boolean enabled, double failureRate, Set<String> offline) {
        return new AgentSimulationProperties(enabled, Duration.ofMillis(10), DELAY, failureRate, offline);
    }

    private static Clock clock(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static ActionRecord action(String id, ActionStatus status, Instant lastUpdate) {
        return new ActionRecord(id, "device-" + id, ActionType.Isolate, IsolationType.Full, status, "host", "soc",
                "Suspected ransomware", "PublicApi", null, T0, lastUpdate, null, null, null, 0);
    }
}
