package dev.cordon.service.error;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import dev.cordon.service.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Builds the public error answer: the code's status, the error JSON with the request id as {@code target}, and
 * {@code Retry-After} on 503. The code is left on the request, where the command metrics read it: a rejection is
 * counted under the code the client saw, without a second mapping.
 */
public final class PublicErrors {

    /** Seconds a client should wait before retrying a 503: the dependencies behind one usually answer again by then. */
    public static final int RETRY_AFTER_SECONDS = 1;
    private static final String ERROR_CODE = PublicErrors.class.getName() + ".errorCode";

    private PublicErrors() {
    }

    /** @return the code this request was answered with, if it was answered with an error */
    public static Optional<ErrorCode> errorCodeOf(HttpServletRequest request) {
        return request.getAttribute(ERROR_CODE) instanceof ErrorCode code ? Optional.of(code) : Optional.empty();
    }

    public static ResponseEntity<ErrorResponse> answer(ErrorCode code, String message, HttpServletRequest request) {
        return answer(code, message, request, new HttpHeaders());
    }

    /** The content type is preset so that a client's Accept header cannot turn an error into an HTML page. */
    public static ResponseEntity<ErrorResponse> answer(ErrorCode code, String message, HttpServletRequest request,
                                                       HttpHeaders headers) {
        request.setAttribute(ERROR_CODE, code);
        if (code == ErrorCode.ServiceUnavailable || code == ErrorCode.TooManyRequests) {
            headers.putIfAbsent(HttpHeaders.RETRY_AFTER, List.of(String.valueOf(RETRY_AFTER_SECONDS)));
        }
        return ResponseEntity.status(code.httpStatus()).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorResponse.of(code, message, RequestIds.of(request)));
    }
}
