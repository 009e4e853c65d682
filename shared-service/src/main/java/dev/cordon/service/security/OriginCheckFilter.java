package dev.cordon.service.security;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A write a browser sends names the page's origin in {@code Origin}; one from a page that is not Cordon's is refused,
 * whatever credentials it carries. Clients that are not browsers send no {@code Origin} and are not affected.
 */
public class OriginCheckFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    public OriginCheckFilter(Collection<String> allowedOrigins) {
        allowedOrigins.forEach(origin -> allowed.add(strip(origin.trim())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !SAFE_METHODS.contains(request.getMethod()) && !allowed.contains(strip(origin))) {
            ErrorWriter.write(request, response, ErrorCode.Forbidden, "Writes are accepted from Cordon's own pages"
                    + " only; this request came from another origin (cordon.security.allowed-origins).");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String strip(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
