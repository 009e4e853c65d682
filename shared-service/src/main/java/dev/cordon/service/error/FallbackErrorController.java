package dev.cordon.service.error;

import dev.cordon.events.error.ErrorResponse;
import dev.cordon.service.request.RequestIds;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} page for the few failures that never reach a controller (a filter's
 * {@code sendError}, the container rejecting a request), so that even those get the public error JSON.
 */
@RestController
public class FallbackErrorController implements ErrorController {

    @Hidden // not an endpoint: where the container forwards its own errors
    @RequestMapping("/error")
    ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // No error attribute: a client asked for /error itself, which is just another unknown path.
        int status = attribute instanceof Integer statusCode ? statusCode : 404;
        // The container's status is kept; only the body is ours.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(RequestIds.HEADER, RequestIds.of(request))
                .body(ContainerError.of(status).response(RequestIds.of(request)));
    }
}
