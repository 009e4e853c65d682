package dev.cordon.identity.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After a sign-in, back to the authorization request that sent the person here, at its public URL: the token
 * service sees requests at its own port behind the gateway, so the saved request's own host is not the one the
 * browser knows. Only an authorization request is resumed; anything else goes to the base URL (the dashboard).
 */
class SignedInRedirect implements AuthenticationSuccessHandler {

    private final Tenant tenant;
    private final RequestCache requests = new HttpSessionRequestCache();

    SignedInRedirect(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String target = tenant.url("/");
        if (saved instanceof DefaultSavedRequest authorization
                && tenant.authorizePath().equals(authorization.getRequestURI())) {
            String query = authorization.getQueryString();
            target = tenant.url(tenant.authorizePath()) + (query == null ? "" : "?" + query);
        }
        response.sendRedirect(target);
    }
}
