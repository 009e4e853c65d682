package dev.cordon.query.action;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import java.time.Instant;

/**
 * One row of the Action center: a Defender MachineAction as the events made it.
 *
 * @param bulkActionId the bulk action it was dispatched for; null for a single device's action
 */
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
        int errorHResult,
        String bulkActionId) {

    /** A single device's action: part of no bulk. */
    public MachineActionView(String id, ActionType type, IsolationType scope, String title, String requestor,
                             String requestorComment, String requestSource, String externalId, ActionStatus status,
                             String machineId, String computerDnsName, Instant creationDateTimeUtc,
                             Instant lastUpdateDateTimeUtc, String cancellationRequestor, String cancellationComment,
                             Instant cancellationDateTimeUtc, int errorHResult) {
        this(id, type, scope, title, requestor, requestorComment, requestSource, externalId, status, machineId,
                computerDnsName, creationDateTimeUtc, lastUpdateDateTimeUtc, cancellationRequestor,
                cancellationComment, cancellationDateTimeUtc, errorHResult, null);
    }

    public MachineActionView withStatus(ActionStatus newStatus, Instant at) {
        return new MachineActionView(id, type, scope, title, requestor, requestorComment, requestSource, externalId,
                newStatus, machineId, computerDnsName, creationDateTimeUtc, at, cancellationRequestor,
                cancellationComment, cancellationDateTimeUtc, errorHResult, bulkActionId);
    }

    public MachineActionView withFailure(ActionStatus newStatus, int hResult, Instant at) {
        return new MachineActionView(id, type, scope, title, requestor, requestorComment, requestSource, externalId,
                newStatus, machineId, computerDnsName, creationDateTimeUtc, at, cancellationRequestor,
                cancellationComment, cancellationDateTimeUtc, hResult, bulkActionId);
    }

    public MachineActionView withCancellation(ActionStatus newStatus, String byWhom, String comment, Instant at) {
        return new MachineActionView(id, type, scope, title, requestor, requestorComment, requestSource, externalId,
                newStatus, machineId, computerDnsName, creationDateTimeUtc, at, byWhom, comment, at,
                errorHResult, bulkActionId);
    }
}
