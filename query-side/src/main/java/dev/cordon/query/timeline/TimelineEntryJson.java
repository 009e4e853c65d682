package dev.cordon.query.timeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@JsonPropertyOrder({"timestamp", "eventType", "actionId", "actionType", "status", "requestor", "comment", "tag",
        "sequence", "eventId"})
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
        @JsonProperty("sequence") long sequence,
        @JsonProperty("eventId") String eventId) {

    static TimelineEntryJson of(TimelineEntry entry) {
        return new TimelineEntryJson(entry.timestamp(), entry.eventType(), entry.actionId(), entry.actionType(),
                entry.status(), entry.requestor(), entry.comment(), entry.tag(), entry.sequence(), entry.eventId());
    }
}
