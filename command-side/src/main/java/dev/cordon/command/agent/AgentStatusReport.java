package dev.cordon.command.agent;

import dev.cordon.command.device.AgentReportedStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /api/agent/machineactions/{actionId}/status. */
public record AgentStatusReport(
        @Schema(description = "What became of the action", implementation = AgentReportedStatus.class,
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,
        @Schema(description = "The Windows error (HRESULT) of a failure; 0 when absent", example = "0")
        Integer errorHResult) {
}
