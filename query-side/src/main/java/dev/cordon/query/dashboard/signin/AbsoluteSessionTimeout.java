package dev.cordon.query.dashboard.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session older than the absolute timeout, however busy it has been (Spring Session ends idle ones): the
 * request then goes on as a signed-out one. Session fixation protection changes the id at sign-in but keeps the
 * creation time, so the age counts from the start of signing in.
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final Duration timeout;
    private final Clock clock;

    AbsoluteSessionTimeout(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() >= timeout.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
