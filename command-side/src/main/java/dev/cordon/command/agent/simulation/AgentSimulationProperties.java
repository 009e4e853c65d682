package dev.cordon.command.agent.simulation;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The simulated device agent, for demos and standalone trials: it plays every device's agent, so an action
 * moves Pending, InProgress, then Succeeded (or Failed) without a real agent. Defaults in application.yml.
 *
 * @param enabled        off unless asked for: in production the real agents report
 * @param pollInterval   how often it looks for open actions
 * @param delay          how long an action stays InProgress before the simulated agent reports how it went
 * @param failureRate    the chance (0 to 1) that it reports Failed instead of Succeeded
 * @param offlineDevices machine ids whose agent never reports, so their actions stay Pending until cancelled or
 *                       timed out: a demo (or a browser test) of cancelling a pending action
 */
@ConfigurationProperties(prefix = "cordon.agent-simulation")
public record AgentSimulationProperties(boolean enabled, Duration pollInterval, Duration delay, double failureRate,
                                        Set<String> offlineDevices) {

    /** As before offline devices existed: every device's agent reports. */
    public AgentSimulationProperties(boolean enabled, Duration pollInterval, Duration delay, double failureRate) {
        this(enabled, pollInterval, delay, failureRate, Set.of());
    }

    @ConstructorBinding
    public AgentSimulationProperties {
        // An empty environment variable binds as null; blanks come from "a, ,b" or a trailing comma.
        offlineDevices = offlineDevices == null ? Set.of() : offlineDevices.stream()
                .map(String::strip).filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        // Checked even when disabled: a mistyped setting should fail the start, not the day it is switched on.
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("cordon.agent-simulation.poll-interval "
                    + "(CORDON_AGENT_SIMULATION_POLL_INTERVAL) must be a positive duration such as 1s, was "
                    + pollInterval + ".");
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("cordon.agent-simulation.delay (CORDON_AGENT_SIMULATION_DELAY) "
                    + "must be a duration of zero or more such as 3s, was " + delay + ".");
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("cordon.agent-simulation.failure-rate "
                    + "(CORDON_AGENT_SIMULATION_FAILURE_RATE) must be between 0 and 1 (0.1 fails one action in ten), "
                    + "was " + failureRate + ".");
        }
    }
}
