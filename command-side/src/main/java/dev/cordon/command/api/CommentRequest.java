package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of unisolate and cancel: {"Comment": "..."}, optionally with the caller's correlation id. */
public record CommentRequest(
        @JsonProperty("Comment") String comment,
        @JsonProperty("ExternalID") String externalId) {
}
