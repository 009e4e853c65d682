package dev.cordon.query.web;

import dev.cordon.events.error.ErrorCode;

/** A request that is answered with one of the public error codes. */
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
