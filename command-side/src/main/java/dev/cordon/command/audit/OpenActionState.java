package dev.cordon.command.audit;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import java.time.Instant;
import java.util.List;

/**
 * The device's action that was Pending or InProgress at the instant: as it was requested, and its status then.
 * {@code scope} and {@code keptConnectedApplications} are those of an Isolate, null for an Unisolate.
 */
record OpenActionState(
        String actionId,
        ActionType type,
        IsolationType scope,
        List<String> keptConnectedApplications,
        ActionStatus status,
        String requestor,
        String requestorComment,
        String requestSource,
        String externalId,
        Instant requestedAt,
        Instant lastUpdate) {

    OpenActionState started(Instant at) {
        return new OpenActionState(actionId, type, scope, keptConnectedApplications, ActionStatus.InProgress,
                requestor, requestorComment, requestSource, externalId, requestedAt, at);
    }
}
