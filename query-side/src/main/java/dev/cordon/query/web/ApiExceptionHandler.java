package dev.cordon.query.web;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import dev.cordon.query.odata.ODataException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where failures become the public error JSON; nothing else writes error bodies. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorResponse> api(ApiException e, HttpServletRequest request) {
        if (e.code() == ErrorCode.ServiceUnavailable) {
            // The event store lookup failed (it usually answers again within a second), or this instance has as many
            // change streams open as it takes.
            return status(e.code()).header(HttpHeaders.RETRY_AFTER, "1").body(body(e.code(), e.getMessage(), request));
        }
        return respond(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(ODataException.class)
    ResponseEntity<ErrorResponse> odata(ODataException e, HttpServletRequest request) {
        return respond(ErrorCode.ODataError, e.getMessage(), request);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ErrorResponse> noSuchPath(Exception e, HttpServletRequest request) {
        return respond(ErrorCode.NotFound, "Resource " + request.getRequestURI() + " was not found", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponse> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return status(ErrorCode.MethodNotAllowed).headers(headers)
                .body(body(ErrorCode.MethodNotAllowed, "Method " + e.getMethod() + " is not allowed here", request));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorResponse> notAcceptable(HttpServletRequest request) {
        return respond(ErrorCode.NotAcceptable, "Only application/json is served", request);
    }

    /** A body that is not the JSON asked for (the read-model rebuild operation takes one). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponse> unreadableBody(HttpServletRequest request) {
        return respond(ErrorCode.InvalidRequestBody, "The request body is not valid JSON of the expected shape",
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> unsupportedMediaType(HttpServletRequest request) {
        return respond(ErrorCode.UnsupportedMediaType, "Send the request body as application/json", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception e, HttpServletRequest request) {
        String id = CorrelationIds.of(request);
        log.error("Unexpected error for request {} ({} {})", id, request.getMethod(), request.getRequestURI(), e);
        return respond(ErrorCode.InternalServerError, "An unexpected error occurred", request);
    }

    static ErrorResponse body(ErrorCode code, String message, HttpServletRequest request) {
        return ErrorResponse.of(code, message, CorrelationIds.of(request));
    }

    private static ResponseEntity<ErrorResponse> respond(ErrorCode code, String message, HttpServletRequest request) {
        return status(code).body(body(code, message, request));
    }

    /** The content type is preset so that a client's Accept header cannot turn an error into an HTML page. */
    private static ResponseEntity.BodyBuilder status(ErrorCode code) {
        return ResponseEntity.status(code.httpStatus()).contentType(MediaType.APPLICATION_JSON);
    }
}
