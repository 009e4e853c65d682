package dev.cordon.service.error;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import java.util.Arrays;

/**
 * The public error for a failure that the container reports by its status alone (it never reached a controller),
 * as both {@link JsonErrorReportValve} and {@link FallbackErrorController} answer it.
 */
public record ContainerError(ErrorCode code, String message) {

    public static ContainerError of(int status) {
        return new ContainerError(codeFor(status),
                status >= 500 ? "An unexpected error occurred" : "The request could not be served");
    }

    public ErrorResponse response(String requestId) {
        return ErrorResponse.of(code, message, requestId);
    }

    /** 400 is shared by many codes: the container's reason is not known, so the generic one. */
    private static ErrorCode codeFor(int status) {
        if (status == 400) {
            return ErrorCode.BadRequest;
        }
        return Arrays.stream(ErrorCode.values()).filter(c -> c.httpStatus() == status).findFirst()
                .orElse(status >= 500 ? ErrorCode.InternalServerError : ErrorCode.BadRequest);
    }
}
