package dev.cordon.command.error;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;

/** A request that breaks a rule: it changes nothing, and the REST layer answers it with {@link #code()}. */
public class RuleViolationException extends ApiException {

    public RuleViolationException(ErrorCode code, String message) {
        super(code, message);
    }
}
