package dev.cordon.command.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One stored event. {@code payload} is shown at {@code revision}, the current one; {@code storedRevision} is the
 * one it was written at, and {@code storedPayload} is the payload exactly as written when the two differ (null
 * when they are the same). {@code metadata} is as stored, keys sorted.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"eventId", "sequence", "type", "timestamp", "revision", "storedRevision", "payload",
        "storedPayload", "metadata"})
record HistoryEntryJson(
        String eventId,
        long sequence,
        String type,
        Instant timestamp,
        String revision,
        String storedRevision,
        JsonNode payload,
        @Schema(nullable = true) JsonNode storedPayload,
        JsonNode metadata) {
}
