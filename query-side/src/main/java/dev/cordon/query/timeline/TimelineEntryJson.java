package dev.cordon.query.timeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import java.time.Instant;

@JsonPropertyOrder({"timestamp", "eventType", "actionId", "actionType", "status", "requestor", "comment", "tag",
        "sequence", "eventId"})
public record TimelineEntryJson(
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("eventType") String eventType,
        @JsonProperty("actionId") String actionId,
        @JsonProperty("actionType") ActionType actionType,
        @JsonProperty("status") ActionStatus status,
        @JsonProperty("requestor") String requestor,
        @JsonProperty("comment") String comment,
        @JsonProperty("tag") String tag,
        @JsonProperty("sequence") long sequence,
        @JsonProperty("eventId") String eventId) {

    static TimelineEntryJson of(TimelineEntry entry) {
        return new TimelineEntryJson(entry.timestamp(), entry.eventType(), entry.actionId(), entry.actionType(),
                entry.status(), entry.requestor(), entry.comment(), entry.tag(), entry.sequence(), entry.eventId());
    }
}
