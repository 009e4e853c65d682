package dev.cordon.service.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import dev.cordon.service.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place, for both services, where failures become the public error JSON: a rule broken or a bad request
 * ({@link ApiException} and its kinds) with its own code, what Spring MVC refuses with the matching code, anything
 * else a logged 500 that names no internals, except a dependency that is away: 503 with Retry-After. Nothing leaves
 * as a bare 500 or an HTML page.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorResponse> api(ApiException e, HttpServletRequest request) {
        return PublicErrors.answer(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponse> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        return PublicErrors.answer(ErrorCode.InvalidRequestBody, describe(e), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> unsupportedMediaType(HttpServletRequest request) {
        return PublicErrors.answer(ErrorCode.UnsupportedMediaType, "Send the request body as application/json.",
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorResponse> notAcceptable(HttpServletRequest request) {
        return PublicErrors.answer(ErrorCode.NotAcceptable, "Responses are application/json.", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponse> methodNotAllowed(HttpRequestMethodNotSupportedException e,
                                                   HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return PublicErrors.answer(ErrorCode.MethodNotAllowed, e.getMethod() + " is not supported on "
                + request.getRequestURI() + "; use " + e.getSupportedHttpMethods() + ".", request, headers);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ErrorResponse> noSuchPath(HttpServletRequest request) {
        return PublicErrors.answer(ErrorCode.NotFound,
                "No endpoint " + request.getMethod() + " " + request.getRequestURI() + ".", request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return PublicErrors.answer(ErrorCode.InvalidInput, "Parameter " + e.getName() + " has an invalid value.",
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorResponse> missingParameter(MissingServletRequestParameterException e,
                                                   HttpServletRequest request) {
        return PublicErrors.answer(ErrorCode.MissingRequiredParameter,
                "Parameter " + e.getParameterName() + " is required.", request);
    }

    /**
     * A dependency that is away (DependencyOutages) is expected during an outage, not a bug: one WARN line without
     * a stack trace, and 503 with Retry-After. Whatever else is a bug: logged with its stack trace, 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception e, HttpServletRequest request) {
        String id = RequestIds.of(request);
        if (ClientsThatLeft.isOne(e)) {
            // A browser closing /api/changes, a client that timed out: nobody to answer, and nothing went wrong.
            log.debug("Client left {} {} (request {}): {}", request.getMethod(), request.getRequestURI(), id,
                    e.toString());
            return null;
        }
        Optional<Throwable> outage = DependencyOutages.causeOf(e);
        if (outage.isPresent()) {
            log.warn("Dependency unavailable on {} {} (request {}), answered 503: {}", request.getMethod(),
                    request.getRequestURI(), id, describe(outage.get()));
            return PublicErrors.answer(ErrorCode.ServiceUnavailable, "A service this request depends on is"
                    + " unavailable; retry after Retry-After seconds. Request id " + id + ".", request);
        }
        log.error("Unexpected error on {} {} (request {})", request.getMethod(), request.getRequestURI(), id, e);
        return PublicErrors.answer(ErrorCode.InternalServerError,
                "An unexpected error occurred; quote the request id " + id + ".", request);
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "Unknown property '" + u.getPropertyName() + "'. Property names are case-sensitive; expected: "
                    + known + ".";
        }
        if (cause instanceof InvalidFormatException f) {
            return "Property '" + path(f) + "' has an invalid value.";
        }
        if (cause instanceof MismatchedInputException m) {
            return m.getPath().isEmpty() ? "The request body must be a JSON object."
                    : "Property '" + path(m) + "' has the wrong type.";
        }
        if (cause instanceof JsonParseException p) {
            // The parser's own words name no classes; the location helps find the mistake.
            return "The request body is not valid JSON: " + p.getOriginalMessage()
                    + (p.getLocation() == null ? "" : " (line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr() + ")");
        }
        if (cause instanceof JsonProcessingException) {
            return "The request body could not be read as the expected JSON object.";
        }
        return "A JSON request body is required.";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .collect(Collectors.joining("."));
    }
}
