package dev.cordon.query.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard shows text that anyone able to call the API wrote (comments, device names). Its scripts never
 * insert that text as markup; this policy is the second line: only the dashboard's own scripts and styles run,
 * nothing inline, nothing from another host, and no other site may frame the page to trick a click on Isolate.
 */
class DashboardSecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        // Revalidated on every load (an ETag makes that cheap), so a new release's pages are never stale; set here
        // because the security headers, written first, would otherwise forbid caching them at all.
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
