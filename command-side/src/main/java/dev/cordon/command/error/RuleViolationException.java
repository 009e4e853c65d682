package dev.cordon.command.error;

import dev.cordon.events.error.ErrorCode;

/** A request that breaks a rule: it changes nothing, and the REST layer answers it with {@link #code()}. */
public class RuleViolationException extends RuntimeException {

    private final ErrorCode code;

    public RuleViolationException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
