package dev.cordon.service.error;

import dev.cordon.events.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Globals;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Tomcat drops a query parameter it cannot decode (e.g. a bad percent escape) and carries on: a list would then be
 * served as if its {@code $filter} were absent, everything newest first, and a playbook reading the first entry would
 * act on the wrong action. Such a request is answered 400 InvalidInput instead, by the same
 * {@link ApiExceptionHandler} as every other error. Runs right after the request-id filter.
 */
public class MalformedQueryStringFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver errors;

    public MalformedQueryStringFilter(HandlerExceptionResolver errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getParameterMap(); // Tomcat parses parameters lazily; the failure is only known afterwards.
        if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null) {
            errors.resolveException(request, response, null, new ApiException(ErrorCode.InvalidInput,
                    "The query string could not be parsed (e.g. an invalid percent escape), so none of it was"
                            + " applied; encode it as UTF-8 with valid %XX escapes"));
            return;
        }
        chain.doFilter(request, response);
    }
}
