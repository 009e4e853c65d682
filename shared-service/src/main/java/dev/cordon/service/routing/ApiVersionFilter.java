package dev.cordon.service.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves {@code /api/v1.0/...} as {@code /api/...} (see {@link ApiVersions}): every later filter and handler, Spring
 * Security's matchers and the rate limits included, sees only the unversioned path, so no endpoint can be reached
 * under the versioned path with other rules than its own.
 */
public class ApiVersionFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!ApiVersions.isVersioned(path)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Unversioned(request), response);
    }

    private static final class Unversioned extends HttpServletRequestWrapper {

        Unversioned(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            HttpServletRequest request = (HttpServletRequest) getRequest();
            String context = request.getContextPath();
            return context + ApiVersions.unversioned(request.getRequestURI().substring(context.length()));
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = ((HttpServletRequest) getRequest()).getRequestURL();
            int path = url.indexOf(((HttpServletRequest) getRequest()).getRequestURI());
            return path < 0 ? url : new StringBuffer(url.substring(0, path)).append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return ApiVersions.unversioned(super.getServletPath());
        }
    }
}
