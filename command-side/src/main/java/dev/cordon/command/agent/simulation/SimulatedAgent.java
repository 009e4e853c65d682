package dev.cordon.command.agent.simulation;

import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.agent.AgentReports;
import dev.cordon.command.agent.presence.PresenceRecorder;
import dev.cordon.command.alias.DeviceAliases;
import dev.cordon.command.device.AgentReportedStatus;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.service.ids.RandomUuids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Plays the device agent of every device when {@code cordon.agent-simulation.enabled} is on, so a demo shows an
 * action go Pending, InProgress, Succeeded without real agents; the devices listed as offline get no reports (and
 * are never seen: no presence). It reads the open actions the agent endpoint
 * serves and reports through the same command path, so its events are a real agent's, except for the requestor.
 * The aggregate stays the judge: a report that lost a race (the action was cancelled or timed out meanwhile,
 * another replica reported first) is refused and simply dropped.
 */
@Component
public class SimulatedAgent implements SmartLifecycle {

    static final String REQUESTOR = "Simulated device agent";
    /** E_FAIL ("unspecified failure"), what the simulated agent reports with a Failed. */
    static final int E_FAIL = 0x80004005;
    /** Bounds one round's work; the rest waits for the next round. */
    static final int ACTIONS_PER_ROUND = 100;
    /** Lets a report in flight finish before Axon stops, but never holds up shutdown for long. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    static final Duration PRESENCE_INTERVAL = Duration.ofSeconds(30);
    /** A demo's devices; the simulation is not meant for a fleet. */
    static final int PRESENCE_DEVICES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SimulatedAgent.class);

    private final ActionIndex index;
    private final AgentReports reports;
    private final AgentSimulationProperties properties;
    private final SimulatedBehaviour behaviour;
    private final Clock clock;
    private final Duration stopGrace;
    private volatile ScheduledExecutorService executor;
    private volatile boolean stopping;
    private PresenceRecorder presence;
    private DeviceAliases devices;
    private Instant lastPresence = Instant.MIN;

    @Autowired
    public SimulatedAgent(ActionIndex index, AgentReports reports, AgentSimulationProperties properties, Clock clock) {
        this(index, reports, properties, clock, new Random(), STOP_GRACE);
    }

    SimulatedAgent(ActionIndex index, AgentReports reports, AgentSimulationProperties properties, Clock clock,
                   RandomGenerator random, Duration stopGrace) {
        this.index = index;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
        this.stopGrace = stopGrace;
        this.behaviour = new SimulatedBehaviour(properties.delay(), properties.failureRate(), random);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        stopping = false;
        ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-agent");
            thread.setDaemon(true); // never keeps the JVM alive
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        // A fixed delay, not a fixed rate: a slow round is never followed by a burst of catch-up rounds.
        rounds.scheduleWithFixedDelay(this::roundSafely, interval, Math.max(interval, 1), TimeUnit.MILLISECONDS);
        executor = rounds;
        log.info("The simulated device agent is on: it reports on every open action (InProgress at once, then after "
                + "{} Succeeded, or Failed with probability {}). Turn it off wherever real agents report.",
                properties.delay(), properties.failureRate());
        if (!properties.offlineDevices().isEmpty()) {
            log.info("The simulated device agent treats these devices as offline and never reports on their actions, "
                    + "which stay Pending until cancelled or timed out: {}", new TreeSet<>(properties.offlineDevices()));
        }
    }

    @Override
    public void stop() {
        stopping = true;
        ScheduledExecutorService rounds = executor;
        executor = null;
        if (rounds == null) {
            return;
        }
        rounds.shutdown();
        try {
            if (!rounds.awaitTermination(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                rounds.shutdownNow();
            }
        } catch (InterruptedException e) {
            rounds.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stops before Axon and the web server, so no report is sent into a stopping command bus. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** An exception escaping a scheduled task would cancel every later round. */
    void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("The simulated device agent could not read the open actions; it tries again in {}: {}",
                    properties.pollInterval(), e.toString());
        }
    }

    /**
     * One round: reports what the behaviour decides for each open action, except those of offline devices. A device
     * has at most one open action, so asking for that many more keeps them from crowding out the others.
     */
    void round() {
        Set<String> offline = properties.offlineDevices();
        notePresence(offline);
        for (ActionRecord action : index.openActions(ACTIONS_PER_ROUND + offline.size())) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                return;
            }
            if (offline.contains(action.deviceId())) {
                continue;
            }
            behaviour.next(action, clock.instant()).ifPresent(status -> report(action, status));
        }
    }

    /** As a real agent's polls would: every device but the offline ones is seen, about twice a minute. */
    @Autowired(required = false)
    void presence(PresenceRecorder presence, DeviceAliases devices) {
        this.presence = presence;
        this.devices = devices;
    }

    private void notePresence(Set<String> offline) {
        Instant now = clock.instant();
        if (presence == null || now.isBefore(lastPresence.plus(PRESENCE_INTERVAL))) {
            return;
        }
        lastPresence = now;
        for (String device : devices.deviceIds(PRESENCE_DEVICES)) {
            if (!offline.contains(device)) {
                presence.seen(device, null, null);
            }
        }
    }

    private void report(ActionRecord action, AgentReportedStatus status) {
        String requestId = RandomUuids.nextString();
        MDC.put("requestId", requestId);
        try {
            reports.report(action, status, status == AgentReportedStatus.Failed ? E_FAIL : 0, requestId, REQUESTOR);
            log.info("Simulated device agent: {} action {} on {} is {}", action.type(), action.actionId(),
                    action.deviceId(), status);
        } catch (RuleViolationException e) {
            log.debug("Simulated device agent: {} for action {} was refused, it ended meanwhile: {}", status,
                    action.actionId(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Simulated device agent: reporting {} for action {} failed; it tries again next round: {}",
                    status, action.actionId(), e.toString());
        } finally {
            MDC.remove("requestId");
        }
    }
}
