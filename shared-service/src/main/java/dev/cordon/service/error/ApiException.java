package dev.cordon.service.error;

import dev.cordon.events.error.ErrorCode;

/**
 * A request answered with one of the public error codes; {@link ApiExceptionHandler} turns it into the error JSON
 * with the code's status. Changes nothing: whoever throws it has not applied anything yet.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
