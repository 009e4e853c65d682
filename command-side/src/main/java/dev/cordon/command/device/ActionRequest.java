package dev.cordon.command.device;

import java.time.Instant;

/** Who asked for a command, why, through which channel and when: recorded with every accepted command. */
public record ActionRequest(
        String requestor,
        String comment,
        String requestSource,
        String externalId,
        Instant requestedAt) {
}
