package dev.cordon.command.bulk;

import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.service.security.DeviceScope;
import java.time.Instant;

/** One bulk as {@code bulk_actions} keeps it. */
public record BulkActionRow(
        String bulkId,
        ActionType actionType,
        IsolationType isolationType,
        String requestor,
        String comment,
        String requestSource,
        String externalId,
        String filter,
        Instant createdAt,
        BulkStatus status,
        int targeted,
        DeviceScope scope,
        String requestId,
        String callerRequestId,
        int dispatchedTargets,
        String cancellationRequestor,
        String cancellationComment,
        Instant cancelledAt) {
}
