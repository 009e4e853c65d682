package dev.cordon.query.dashboard.signin;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ErrorWriter;
import dev.cordon.service.routing.Route;
import dev.cordon.service.routing.RouteTable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The pages' reads of this side's own API: {@code GET /dashboard/api/x} becomes {@code GET /api/x} with the session's
 * access token as its bearer token, before Spring Security sees it. The API's own chain then judges it as any client's
 * call (roles, device groups, rate limits), and no cookie ever reaches {@code /api/**} as a credential. Registered for
 * async dispatches too, so that the change stream keeps its rewritten path and token.
 */
class InProcessReads extends OncePerRequestFilter {

    static final String PREFIX = "/dashboard";
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final SessionTokens tokens;

    InProcessReads(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !READS.contains(request.getMethod()) || !path.startsWith(PREFIX + "/api/")
                || RouteTable.route(request.getMethod(), path.substring(PREFIX.length())) != Route.QUERY_SIDE;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = tokens.accessToken(request, response);
        if (token.isEmpty()) {
            ErrorWriter.write(request, response, ErrorCode.Unauthorized, SignInEntryPoint.SIGNED_OUT);
            return;
        }
        ApiRequest api = new ApiRequest(request, "Bearer " + token.get());
        ServletRequestPathUtils.clearParsedRequestPath(api);
        api.removeAttribute(UrlPathHelper.PATH_ATTRIBUTE);
        chain.doFilter(api, response);
    }

    /** The same request on the API's path, with the token as its only credential. */
    private static final class ApiRequest extends HttpServletRequestWrapper {

        private final String authorization;

        ApiRequest(HttpServletRequest request, String authorization) {
            super(request);
            this.authorization = authorization;
        }

        @Override
        public String getRequestURI() {
            String uri = super.getRequestURI();
            String context = getContextPath();
            return context + uri.substring(context.length() + PREFIX.length());
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            int at = url.indexOf(getContextPath() + PREFIX + "/api/", url.indexOf("//") + 2);
            return at < 0 ? url : url.delete(at + getContextPath().length(),
                    at + getContextPath().length() + PREFIX.length());
        }

        @Override
        public String getServletPath() {
            String path = super.getServletPath();
            return path.startsWith(PREFIX + "/") ? path.substring(PREFIX.length()) : path;
        }

        /*
         * Without its cookie the request has no session either, as for any API client. Otherwise the API's chain,
         * seeing a session beside a freshly authenticated bearer token, would protect it against fixation by changing
         * its id on every read, and the page's other calls, still sending the old id, would find themselves signed
         * out.
         */
        @Override
        public HttpSession getSession(boolean create) {
            return create ? super.getSession(true) : null;
        }

        @Override
        public String getRequestedSessionId() {
            return null;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }

        @Override
        public String changeSessionId() {
            throw new IllegalStateException("A read of the API has no session");
        }

        @Override
        public String getHeader(String name) {
            return isAuthorization(name) ? authorization : isCookie(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isAuthorization(name) ? Collections.enumeration(List.of(authorization))
                    : isCookie(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String name : Collections.list(super.getHeaderNames())) {
                if (!isAuthorization(name) && !isCookie(name)) {
                    names.add(name);
                }
            }
            names.add("Authorization");
            return Collections.enumeration(names);
        }

        private static boolean isAuthorization(String name) {
            return "Authorization".equalsIgnoreCase(name);
        }

        private static boolean isCookie(String name) {
            return "Cookie".equalsIgnoreCase(name);
        }
    }
}
