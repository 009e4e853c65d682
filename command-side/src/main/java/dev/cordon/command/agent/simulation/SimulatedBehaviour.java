package dev.cordon.command.agent.simulation;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.device.AgentReportedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What the simulated agent reports for one open action at a given moment: it starts a pending action at once,
 * and ends one that has been in progress for the delay. It keeps no state of its own: the action's status and
 * last update come from the action index, so a restart or a second replica carries on where the first left off.
 */
final class SimulatedBehaviour {

    private final Duration delay;
    private final double failureRate;
    private final RandomGenerator random;

    SimulatedBehaviour(Duration delay, double failureRate, RandomGenerator random) {
        this.delay = delay;
        this.failureRate = failureRate;
        this.random = random;
    }

    Optional<AgentReportedStatus> next(ActionRecord action, Instant now) {
        return switch (action.status()) {
            case Pending -> Optional.of(AgentReportedStatus.InProgress);
            case InProgress -> now.isBefore(action.lastUpdate().plus(delay))
                    ? Optional.empty()
                    : Optional.of(random.nextDouble() < failureRate
                            ? AgentReportedStatus.Failed : AgentReportedStatus.Succeeded);
            default -> Optional.empty();
        };
    }
}
