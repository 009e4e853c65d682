package dev.cordon.identity.server;

import dev.cordon.identity.store.ClientEntry;
import dev.cordon.identity.store.ClientRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The authorization server's view of {@link ClientRegistry}: every client may use client credentials, with its secret
 * in the form (as Defender clients send it) or in Basic authentication, and ask for any accepted audience as
 * Entra ID's v2.0 endpoint takes it, {@code scope=<resource id>/.default}. The one exception is the dashboard
 * ({@link DashboardClient}), which signs people in and nothing else.
 */
class FileRegisteredClientRepository implements RegisteredClientRepository {

    private final ClientRegistry clients;
    private final List<String> audiences;
    private final Duration tokenLifetime;
    private final Tenant tenant;

    FileRegisteredClientRepository(ClientRegistry clients, List<String> audiences, Duration tokenLifetime,
                                   Tenant tenant) {
        this.clients = clients;
        this.audiences = audiences;
        this.tokenLifetime = tokenLifetime;
        this.tenant = tenant;
    }

    /** Clients are made and removed by the {@code clients} command line only. */
    @Override
    public void save(RegisteredClient registeredClient) {
        // The authorization server saves a client only to re-hash a secret stored with an outdated encoding; the
        // command line stores bcrypt hashes, so there is nothing to upgrade and nothing is written here.
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return clients.byClientId(clientId).map(this::registered).orElse(null);
    }

    private RegisteredClient registered(ClientEntry client) {
        if (client.clientId().equals(DashboardClient.CLIENT_ID)) {
            return dashboard(client);
        }
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(client.secretHash())
                .clientName(client.name())
                .clientIdIssuedAt(client.createdAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> audiences.forEach(audience -> scopes.add(TokenClaims.defaultScope(audience))))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime)
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED).build())
                .build();
    }

    /**
     * Confidential (the query side keeps the secret), the code bound to a PKCE verifier, no consent page (Cordon is
     * the operator's own application), refresh tokens rotated at each use.
     */
    private RegisteredClient dashboard(ClientEntry client) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(client.secretHash())
                .clientName(client.name())
                .clientIdIssuedAt(client.createdAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(tenant.url(DashboardClient.REDIRECT_PATH))
                .postLogoutRedirectUri(tenant.url("/"))
                .scopes(scopes -> scopes.addAll(DashboardClient.SCOPES))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(DashboardClient.ACCESS_TOKEN_LIFETIME)
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .refreshTokenTimeToLive(DashboardClient.REFRESH_TOKEN_LIFETIME)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }
}
