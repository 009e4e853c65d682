package dev.cordon.command.device;

/** The statuses a device agent may report; the others (TimeOut, Cancelled) are decided by the service. */
public enum AgentReportedStatus {
    InProgress,
    Succeeded,
    Failed
}
