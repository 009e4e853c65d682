package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /api/machines/{id}/unisolate: {"Comment": "..."}, optionally with the caller's correlation id. */
public record ReleaseMachineRequest(
        @Schema(description = "Why; kept in the audit trail (1 to 4000 characters)",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "Cleaned, reconnecting")
        @JsonProperty("Comment") String comment,
        @Schema(description = "The caller's own correlation id, echoed in the action (at most 255 characters)")
        @JsonProperty("ExternalID") String externalId) {
}
