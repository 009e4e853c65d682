package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /api/machines/{id}/tags; property names as Defender spells them (case-sensitive). */
public record MachineTagRequest(
        @Schema(description = "The tag: 1 to 200 characters, no control or bidirectional-formatting characters,"
                + " no leading or trailing spaces", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "Finance servers")
        @JsonProperty("Value") String value,
        @Schema(description = "Add or Remove", requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"Add", "Remove"})
        @JsonProperty("Action") String action) {
}
