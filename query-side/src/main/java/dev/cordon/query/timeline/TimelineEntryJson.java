package dev.cordon.query.timeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@JsonPropertyOrder({"timestamp", "eventType", "actionId", "actionType", "status", "requestor", "comment", "tag",
        "groupName", "previousGroupName", "reason", "sequence", "eventId"})
public record TimelineEntryJson(
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("eventType") String eventType,
        @Schema(nullable = true) @JsonProperty("actionId") String actionId,
        @Schema(nullable = true) @JsonProperty("actionType") ActionType actionType,
        @Schema(nullable = true) @JsonProperty("status") ActionStatus status,
        @Schema(nullable = true) @JsonProperty("requestor") String requestor,
        @Schema(nullable = true) @JsonProperty("comment") String comment,
        @Schema(nullable = true, description = "The tag a tag change added or removed; null for other events")
        @JsonProperty("tag") String tag,
        @Schema(nullable = true, description = "The device group a group change put the device in; null for other"
                + " events") @JsonProperty("groupName") String groupName,
        @Schema(nullable = true, description = "The device group it was in before a group change; null at its first"
                + " group and for other events") @JsonProperty("previousGroupName") String previousGroupName,
        @Schema(nullable = true, description = "Why a group change chose the group (named in the registration,"
                + " matched by a group rule, or the default group); null for other events")
        @JsonProperty("reason") String reason,
        @JsonProperty("sequence") long sequence,
        @JsonProperty("eventId") String eventId) {

    static TimelineEntryJson of(TimelineEntry entry) {
        return new TimelineEntryJson(entry.timestamp(), entry.eventType(), entry.actionId(), entry.actionType(),
                entry.status(), entry.requestor(), entry.comment(), entry.tag(), entry.groupName(), entry.previousGroupName(),
                entry.reason(), entry.sequence(), entry.eventId());
    }
}
