package dev.cordon.query.dashboard.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The signed-in analyst's access token, from the session: refreshed with the refresh token when it has expired (the
 * authorized client manager saves the new one in the session). Empty when nobody is signed in, or the token can no
 * longer be refreshed: the analyst signs in again.
 */
class SessionTokens {

    private final OAuth2AuthorizedClientManager clients;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    Optional<String> accessToken(HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null) {
            return Optional.empty();
        }
        Authentication signedIn = contexts.loadDeferredContext(request).get().getAuthentication();
        if (!(signedIn instanceof OAuth2AuthenticationToken)) {
            return Optional.empty();
        }
        try {
            OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(CordonClientRegistration.ID).principal(signedIn)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response).build());
            return client == null ? Optional.empty() : Optional.of(client.getAccessToken().getTokenValue());
        } catch (ClientAuthorizationException refused) {
            // The refresh token was refused or has expired; the manager has already removed the client.
            return Optional.empty();
        }
    }
}
