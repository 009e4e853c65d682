package dev.cordon.command.device;

import java.time.Instant;

/** Payload of the persisted deadline that times an open action out. */
public record ActionTimeoutDeadline(String actionId, Instant dueAt) {

    public static final String NAME = "machine-action-timeout";
}
