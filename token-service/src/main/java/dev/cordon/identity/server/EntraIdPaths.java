package dev.cordon.identity.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves Spring Authorization Server's endpoints at the paths Defender clients call on Entra ID, so a client whose
 * login URL is configurable works by changing only its base URLs: {@code /{tenant}/oauth2/token} (v1, which one public
 * client sends as a GET with the form in the body), {@code /{tenant}/oauth2/v2.0/token}, the v2.0 discovery document
 * and keys. Each is handed on as the request the authorization server expects; nothing is answered here.
 * <p>
 * A person's sign-in endpoints ({@link Tenant#authorizePath()}, {@link Tenant#logoutPath()}, the sign-in page
 * {@link Tenant#loginPath()}) are not rewritten: the authorization server serves them at those public paths itself,
 * because an authorization request is saved while the person signs in and resumed at the URL it was seen at.
 */
public class EntraIdPaths extends OncePerRequestFilter {

    /** Where Spring Authorization Server's own endpoints are (AuthorizationServerConfig sets them). */
    static final String TOKEN = "/oauth2/token";
    static final String KEYS = "/oauth2/jwks";
    static final String DISCOVERY = "/.well-known/openid-configuration";
    /** Which token endpoint shape was called: "1.0" or "2.0", the token's {@code ver}. */
    static final String VERSION_ATTRIBUTE = EntraIdPaths.class.getName() + ".version";

    /** A token request's form is a few hundred bytes. */
    static final int MAX_FORM_BYTES = 16 * 1024;

    private final Tenant tenant;
    private final FormHttpMessageConverter forms = new FormHttpMessageConverter();

    public EntraIdPaths(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(tenant.v1TokenPath())) {
            request.setAttribute(VERSION_ATTRIBUTE, "1.0");
            chain.doFilter(asPost(request, TOKEN), response);
        } else if (path.equals(tenant.v2TokenPath()) && "POST".equals(request.getMethod())) {
            request.setAttribute(VERSION_ATTRIBUTE, "2.0");
            chain.doFilter(new At(request, TOKEN, "POST", null), response);
        } else if (path.equals(tenant.discoveryPath())) {
            chain.doFilter(new At(request, DISCOVERY, request.getMethod(), null), response);
        } else if (path.equals(tenant.keysPath())) {
            chain.doFilter(new At(request, KEYS, request.getMethod(), null), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A GET with a form body is read as the POST it means; Tomcat reads form bodies of POSTs only. */
    private HttpServletRequest asPost(HttpServletRequest request, String path) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            return new At(request, path, request.getMethod(), null);
        }
        MediaType type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            return new At(request, path, "GET", null);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            return new At(request, path, "GET", null); // not a token request: the endpoint refuses it
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        MultiValueMap<String, String> form = forms.read(null, new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        });
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        form.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return new At(request, path, "POST", parameters);
    }

    /** The request as the authorization server's endpoint expects it: another path, method or parameters. */
    private static final class At extends HttpServletRequestWrapper {

        private final String path;
        private final String method;
        private final Map<String, String[]> parameters;

        At(HttpServletRequest request, String path, String method, Map<String, String[]> parameters) {
            super(request);
            this.path = path;
            this.method = method;
            this.parameters = parameters;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(super.getRequestURL());
            url.setLength(url.length() - super.getRequestURI().length());
            return url.append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            if (parameters == null) {
                return super.getParameter(name);
            }
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters == null ? super.getParameterMap() : Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters == null ? super.getParameterValues(name) : parameters.get(name);
        }
    }
}
