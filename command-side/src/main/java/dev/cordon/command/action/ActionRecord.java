package dev.cordon.command.action;

import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolationFailedEvent;
import dev.cordon.events.action.DeviceReleaseFailedEvent;
import dev.cordon.events.action.IsolationType;
import java.time.Instant;

/** One machine action as the command side records it beside its events. */
public record ActionRecord(
        String actionId,
        String deviceId,
        ActionType type,
        IsolationType scope,
        ActionStatus status,
        String computerDnsName,
        String requestor,
        String requestorComment,
        String requestSource,
        String externalId,
        Instant createdAt,
        Instant lastUpdate,
        String cancellationRequestor,
        String cancellationComment,
        Instant cancelledAt,
        int errorHResult) {

    /** The Windows error code an action event leaves on its action: a failure's, otherwise 0. */
    public static int errorHResultOf(MachineActionEvent e) {
        if (e instanceof DeviceIsolationFailedEvent failed) {
            return failed.errorHResult();
        }
        return e instanceof DeviceReleaseFailedEvent failed ? failed.errorHResult() : 0;
    }
}
