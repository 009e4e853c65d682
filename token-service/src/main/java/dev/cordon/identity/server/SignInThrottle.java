package dev.cordon.identity.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A simple lock-out against guessing: after {@link #MAX_FAILURES} wrong passwords for one user name within
 * {@link #WINDOW} of the first, that name's sign-in is refused, with the same sentence and without checking the
 * password, until the window has passed. Counted per name (the token service sees the gateway's address, not the
 * browser's). Each name's budget is a Bucket4j bucket of {@link #MAX_FAILURES} wrong passwords, refilled whole once
 * {@link #WINDOW} has passed; the buckets are in memory, forgotten a window after the last failure, and bounded in
 * number (Caffeine's cache).
 */
class SignInThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final String loginPath;
    private final AuthenticationFailureHandler refused;
    private final Cache<String, Bucket> failures = Caffeine.newBuilder().expireAfterAccess(WINDOW)
            .maximumSize(100_000).build();

    /** @param refused what a refused sign-in is answered with, a wrong password and a locked name alike */
    SignInThrottle(String loginPath, AuthenticationFailureHandler refused) {
        this.loginPath = loginPath;
        this.refused = refused;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && loginPath.equals(path)) {
            Bucket budget = failures.getIfPresent(key(request));
            if (budget != null && budget.getAvailableTokens() <= 0) {
                refused.onAuthenticationFailure(request, response, new BadCredentialsException("Locked out"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        failures.get(key(request), name -> Bucket.builder().addLimit(Bandwidth.builder().capacity(MAX_FAILURES)
                .refillIntervally(MAX_FAILURES, WINDOW).build()).build()).tryConsume(1);
        refused.onAuthenticationFailure(request, response, exception);
    }

    private static String key(HttpServletRequest request) {
        String name = request.getParameter("username");
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
