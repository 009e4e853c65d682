package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cordon.events.action.IsolationType;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /api/machines/{id}/isolate; property names as Defender spells them (case-sensitive). */
public record IsolateMachineRequest(
        @Schema(description = "Why; kept in the audit trail (1 to 4000 characters)",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "Ransomware alert 4711")
        @JsonProperty("Comment") String comment,
        @Schema(description = "Full (the default) or Selective; UnManagedDevice, which Defender also documents, is"
                + " refused with a sentence saying why (InvalidInput)", implementation = IsolationType.class)
        @JsonProperty("IsolationType") String isolationType,
        @Schema(description = "The caller's own correlation id, echoed in the action (at most 255 characters)")
        @JsonProperty("ExternalID") String externalId) {
}
