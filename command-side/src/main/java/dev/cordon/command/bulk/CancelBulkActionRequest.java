package dev.cordon.command.bulk;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /api/bulkactions/{id}/cancel: {"Comment": "..."}, as a single action's cancel. */
public record CancelBulkActionRequest(
        @Schema(description = "Why; kept in the audit trail of the bulk and of each cancelled action (1 to 4000"
                + " characters)", requiredMode = Schema.RequiredMode.REQUIRED, example = "False positive")
        @JsonProperty("Comment") String comment) {
}
