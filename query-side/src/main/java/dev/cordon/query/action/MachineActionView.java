package dev.cordon.query.action;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import java.time.Instant;

/** One row of the Action center: a Defender MachineAction as the events made it. */
public record MachineActionView(
        String id,
        ActionType type,
        IsolationType scope,
        String title,
        String requestor,
        String requestorComment,
        String requestSource,
        String externalId,
        ActionStatus status,
        String machineId,
        String computerDnsName,
        Instant creationDateTimeUtc,
        Instant lastUpdateDateTimeUtc,
        String cancellationRequestor,
        String cancellationComment,
        Instant cancellationDateTimeUtc,
        int errorHResult) {

    public MachineActionView withStatus(ActionStatus newStatus, Instant at) {
        return new MachineActionView(id, type, scope, title, requestor, requestorComment, requestSource, externalId,
                newStatus, machineId, computerDnsName, creationDateTimeUtc, at, cancellationRequestor,
                cancellationComment, cancellationDateTimeUtc, errorHResult);
    }

    public MachineActionView withFailure(ActionStatus newStatus, int hResult, Instant at) {
        return new MachineActionView(id, type, scope, title, requestor, requestorComment, requestSource, externalId,
                newStatus, machineId, computerDnsName, creationDateTimeUtc, at, cancellationRequestor,
                cancellationComment, cancellationDateTimeUtc, hResult);
    }

    public MachineActionView withCancellation(ActionStatus newStatus, String byWhom, String comment, Instant at) {
        return new MachineActionView(id, type, scope, title, requestor, requestorComment, requestSource, externalId,
                newStatus, machineId, computerDnsName, creationDateTimeUtc, at, byWhom, comment, at,
                errorHResult);
    }
}
