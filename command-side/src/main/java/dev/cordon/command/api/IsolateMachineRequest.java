package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of POST /api/machines/{id}/isolate; property names as Defender spells them (case-sensitive). */
public record IsolateMachineRequest(
        @JsonProperty("Comment") String comment,
        @JsonProperty("IsolationType") String isolationType,
        @JsonProperty("ExternalID") String externalId) {
}
