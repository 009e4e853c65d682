package dev.cordon.command.device;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The device agent's report on an action it was given. */
public record ReportActionStatusCommand(
        @TargetAggregateIdentifier String deviceId,
        String actionId,
        AgentReportedStatus status,
        int errorHResult,
        Instant reportedAt) {
}
