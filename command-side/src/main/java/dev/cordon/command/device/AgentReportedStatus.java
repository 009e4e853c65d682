package dev.cordon.command.device;

/** The statuses a device agent may report; the others (TimeOut, Cancelled) are decided by the service. */
public enum AgentReportedStatus {
    InProgress,
    Succeeded,
    Failed;

    public static AgentReportedStatus valueOfOrNull(String name) {
        for (AgentReportedStatus status : values()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        return null;
    }
}
