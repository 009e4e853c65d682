package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of POST /api/machineactions/{id}/cancel: {"Comment": "..."}. */
public record CancelActionRequest(@JsonProperty("Comment") String comment) {
}
