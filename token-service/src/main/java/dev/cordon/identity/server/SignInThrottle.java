package dev.cordon.identity.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A simple lock-out against guessing: after {@link #MAX_FAILURES} wrong passwords for one user name within
 * {@link #WINDOW} of the first, that name's sign-in is refused, with the same sentence and without checking the
 * password, until the window has passed. Counted per name (the token service sees the gateway's address, not the
 * browser's); the counts are in memory, forgotten after the window, and bounded in number (Caffeine's cache).
 */
class SignInThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final String loginPath;
    private final AuthenticationFailureHandler refused;
    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder().expireAfterWrite(WINDOW)
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
            AtomicInteger count = failures.getIfPresent(key(request));
            if (count != null && count.get() >= MAX_FAILURES) {
                refused.onAuthenticationFailure(request, response, new BadCredentialsException("Locked out"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        failures.get(key(request), name -> new AtomicInteger()).incrementAndGet();
        refused.onAuthenticationFailure(request, response, exception);
    }

    private static String key(HttpServletRequest request) {
        String name = request.getParameter("username");
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
