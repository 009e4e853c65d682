package dev.cordon.service.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import dev.cordon.service.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The public error JSON written straight to the response, for the answers given before any controller runs (a
 * refused token, a Host not served, a rate limit): the same shape, code and request id as {@link ApiExceptionHandler}
 * gives.
 */
public final class ErrorWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorWriter() {
    }

    public static String json(ErrorCode code, String message, String requestId) {
        try {
            return JSON.writeValueAsString(ErrorResponse.of(code, message, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
                             String message) throws IOException {
        write(response, code, message, RequestIds.of(request), 0);
    }

    /** @param retryAfterSeconds sent as {@code Retry-After} when positive */
    public static void write(HttpServletResponse response, ErrorCode code, String message, String requestId,
                             long retryAfterSeconds) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.httpStatus());
        response.setHeader(RequestIds.HEADER, requestId);
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        byte[] body = json(code, message, requestId).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
