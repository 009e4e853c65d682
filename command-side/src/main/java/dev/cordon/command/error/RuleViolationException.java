package dev.cordon.command.error;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;

/** A request that breaks a rule: it changes nothing, and the REST layer answers it with {@link #code()}. */
public class RuleViolationException extends ApiException {

    public RuleViolationException(ErrorCode code, String message) {
        super(code, message);
    }

    /**
     * The one answer for a machine that does not exist, or not for this caller (outside its device groups): the
     * same words in both cases, so that the answer does not tell them apart.
     */
    public static RuleViolationException unknownMachine(String machineId) {
        return new RuleViolationException(ErrorCode.ResourceNotFound, "Machine " + machineId + " was not found.");
    }

    /** As {@link #unknownMachine}, for an action named by its id. */
    public static RuleViolationException unknownAction(String actionId) {
        return new RuleViolationException(ErrorCode.ResourceNotFound, "Action " + actionId + " was not found.");
    }
}
