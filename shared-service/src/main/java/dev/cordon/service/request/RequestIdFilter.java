package dev.cordon.service.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fixes the request id first thing: it is echoed in the response, is the {@code target} of every error, goes into
 * the log context ({@code %X{requestId}}, the services' default log pattern, with the server's own id beside it) and,
 * on the command side, into the events' metadata (the server's id as {@code requestId}, the caller's as
 * {@code callerRequestId}). Registered with the highest precedence by {@link RequestIdAutoConfiguration}.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "requestId";
    /** The server's own id of the request, in the log beside the answered one (RequestIds). */
    public static final String SERVER_MDC_KEY = "serverRequestId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String serverId = RequestIds.serverId(request);
        String callerId = RequestIds.callerId(request);
        // Without a usable id of the caller's, the answered id is the server's own: one id, not two.
        String id = callerId != null ? callerId : serverId;
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        MDC.put(MDC_KEY, id);
        MDC.put(SERVER_MDC_KEY, serverId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove(SERVER_MDC_KEY);
        }
    }
}
