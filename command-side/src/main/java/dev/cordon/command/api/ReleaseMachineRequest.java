package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of POST /api/machines/{id}/unisolate: {"Comment": "..."}, optionally with the caller's correlation id. */
public record ReleaseMachineRequest(
        @JsonProperty("Comment") String comment,
        @JsonProperty("ExternalID") String externalId) {
}
