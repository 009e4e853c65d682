package dev.cordon.service.ratelimit;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import dev.cordon.service.error.PublicErrors;
import dev.cordon.service.request.RequestIds;
import dev.cordon.service.security.CallerIdentity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a caller's call past its budget with 429 TooManyRequests and {@code Retry-After}, before anything is
 * stored. Runs in the security filter chain after authorization, so it knows the caller and counts only calls that
 * would otherwise be served. If the budget cannot be read (the database is away), the call is refused with 503 and
 * {@code Retry-After}, never let through uncounted.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimitGroup> group = limiter.groupOf(request);
        CallerIdentity caller = CallerIdentity.of(SecurityContextHolder.getContext().getAuthentication());
        if (group.isEmpty() || caller == null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Decision decision;
        try {
            decision = limiter.take(group.get(), caller.key());
        } catch (RuntimeException e) {
            log.warn("Rate limit budget not readable, request {} refused with 503: {}", RequestIds.of(request),
                    e.getMessage());
            ErrorWriter.write(response, ErrorCode.ServiceUnavailable, "The rate limit could not be checked; try"
                    + " again shortly.", RequestIds.of(request), PublicErrors.RETRY_AFTER_SECONDS);
            return;
        }
        if (!decision.allowed()) {
            ErrorWriter.write(response, ErrorCode.TooManyRequests, "Too many " + group.get().configName()
                    + " calls from this caller; retry after " + decision.retryAfterSeconds() + " s.",
                    RequestIds.of(request), decision.retryAfterSeconds());
            return;
        }
        chain.doFilter(request, response);
    }
}
