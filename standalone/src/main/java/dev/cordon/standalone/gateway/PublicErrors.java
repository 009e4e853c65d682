package dev.cordon.standalone.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The gateway's own answers, in the public error shape the services use: never a stack trace or a host name. */
final class PublicErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicErrors() {
    }

    static String json(ErrorCode code, String message, String requestId) {
        try {
            return JSON.writeValueAsString(ErrorResponse.of(code, message, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param retryAfterSeconds sent as {@code Retry-After} when positive */
    static void write(HttpServletResponse response, ErrorCode code, String message, String requestId,
            int retryAfterSeconds) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.httpStatus());
        response.setHeader(RequestIds.HEADER, requestId);
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
        byte[] body = json(code, message, requestId).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
