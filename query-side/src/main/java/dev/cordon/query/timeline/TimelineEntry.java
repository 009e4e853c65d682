package dev.cordon.query.timeline;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import java.time.Instant;

/**
 * One event in a device's history; (deviceId, sequence) is the aggregate's own numbering, hence the key. The
 * {@code tag} is a tag change's; the group names and the reason are a device group change's (null otherwise).
 */
public record TimelineEntry(
        String deviceId,
        long sequence,
        String eventId,
        String eventType,
        Instant timestamp,
        String actionId,
        ActionType actionType,
        ActionStatus status,
        String requestor,
        String comment,
        String tag,
        String groupName,
        String previousGroupName,
        String reason) {
}
