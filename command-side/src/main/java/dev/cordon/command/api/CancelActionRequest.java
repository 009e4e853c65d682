package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /api/machineactions/{id}/cancel: {"Comment": "..."}. */
public record CancelActionRequest(
        @Schema(description = "Why; kept in the audit trail (1 to 4000 characters)",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "Opened by mistake")
        @JsonProperty("Comment") String comment) {
}
