package dev.cordon.command.agent;

/** Body of POST /api/agent/machineactions/{actionId}/status. */
public record AgentStatusReport(String status, Integer errorHResult) {
}
