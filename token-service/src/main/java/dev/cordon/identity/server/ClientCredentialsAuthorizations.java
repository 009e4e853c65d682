package dev.cordon.identity.server;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps nothing for client credentials, whose tokens are self-contained JWTs that resource servers check on their
 * own: the authorization server's default store would keep every token it ever issued in memory (ten thousand agents
 * asking hourly would never be forgotten). A person's sign-in (its code, then its refresh token) must be found again,
 * and is kept in memory: a restart of the token service ends the dashboard's ability to renew, and people sign in
 * again. Sign-ins are few (one per analyst and working day), so their number stays small.
 */
class ClientCredentialsAuthorizations implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService signIns = new InMemoryOAuth2AuthorizationService();

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            signIns.save(authorization);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        signIns.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return signIns.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return signIns.findByToken(token, tokenType);
    }
}
