package dev.cordon.command.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where errors become the public error JSON. Nothing leaves as a bare 500 or an HTML page.
 * The code it answered with is left on the request, where the command metrics read it: a rejection is counted
 * under the same code the client saw, without a second mapping.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String ERROR_CODE = ApiExceptionHandler.class.getName() + ".errorCode";

    /** @return the code this request was answered with, if it was answered with an error */
    public static Optional<ErrorCode> errorCodeOf(HttpServletRequest request) {
        return request.getAttribute(ERROR_CODE) instanceof ErrorCode code ? Optional.of(code) : Optional.empty();
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ErrorResponse> ruleViolated(RuleViolationException e, HttpServletRequest request) {
        return error(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ErrorResponse> unknownDevice(AggregateNotFoundException e, HttpServletRequest request) {
        return error(ErrorCode.ResourceNotFound, "Machine " + e.getAggregateIdentifier() + " was not found.", request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponse> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        return error(ErrorCode.InvalidRequestBody, describe(e), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException e,
                                                       HttpServletRequest request) {
        return error(ErrorCode.UnsupportedMediaType, "Send the request body as application/json.", request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorResponse> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return error(ErrorCode.NotAcceptable, "Responses are application/json.", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponse> methodNotAllowed(HttpRequestMethodNotSupportedException e,
                                                   HttpServletRequest request) {
        return error(ErrorCode.MethodNotAllowed, e.getMethod() + " is not supported on " + request.getRequestURI()
                + "; use " + e.getSupportedHttpMethods() + ".", request);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ErrorResponse> noSuchPath(Exception e, HttpServletRequest request) {
        return error(ErrorCode.NotFound, "No endpoint " + request.getMethod() + " " + request.getRequestURI() + ".",
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return error(ErrorCode.InvalidInput, "Parameter " + e.getName() + " has an invalid value.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {} (request {})", request.getMethod(), request.getRequestURI(),
                CorrelationIdFilter.of(request), e);
        return error(ErrorCode.InternalServerError,
                "An unexpected error occurred; quote the request id " + CorrelationIdFilter.of(request) + ".", request);
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

    private static ResponseEntity<ErrorResponse> error(ErrorCode code, String message, HttpServletRequest request) {
        request.setAttribute(ERROR_CODE, code);
        return ResponseEntity.status(HttpStatus.valueOf(code.httpStatus()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorResponse.of(code, message, CorrelationIdFilter.of(request)));
    }
}
