package dev.cordon.query.dashboard.signin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.service.request.PublicUrlProperties;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.web.client.RestClient;

/**
 * The one client registration, {@code cordon}, built from {@code cordon.dashboard.sign-in.*}. Built at first use, not
 * at start: when the ID token's keys are found by discovery, the provider need not be up for this side to start.
 */
class CordonClientRegistration implements ClientRegistrationRepository {

    static final String ID = "cordon";

    private final DashboardProperties.SignIn signIn;
    private final PublicUrlProperties publicUrl;
    private volatile ClientRegistration registration;

    CordonClientRegistration(DashboardProperties.SignIn signIn, PublicUrlProperties publicUrl) {
        this.signIn = signIn;
        this.publicUrl = publicUrl;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration built = registration;
        if (built == null) {
            built = build();
            registration = built;
        }
        return built;
    }

    private ClientRegistration build() {
        Map<String, Object> metadata = signIn.endSessionUri() == null || signIn.endSessionUri().isBlank()
                ? Map.of() : Map.of("end_session_endpoint", signIn.endSessionUri());
        return ClientRegistration.withRegistrationId(ID)
                .clientId(signIn.clientId())
                .clientSecret(signIn.clientSecret())
                // A confidential client; PKCE is added to every authorization request besides (DashboardSignIn).
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // The public base URL's, not the request's: it is the address registered with the provider.
                .redirectUri(publicUrl.publicBaseUrl() + "/login/oauth2/code/" + ID)
                .scope(signIn.scopes())
                .authorizationUri(signIn.authorizationUri())
                .tokenUri(signIn.tokenUri())
                .issuerUri(signIn.issuerUri())
                .jwkSetUri(jwkSetUri())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(metadata)
                .clientName("Cordon dashboard")
                .build();
    }

    private String jwkSetUri() {
        if (signIn.jwkSetUri() != null && !signIn.jwkSetUri().isBlank()) {
            return signIn.jwkSetUri();
        }
        JsonNode discovery = RestClient.create().get()
                .uri(signIn.issuerUri() + "/.well-known/openid-configuration").retrieve().body(JsonNode.class);
        if (discovery == null || !discovery.hasNonNull("jwks_uri")) {
            throw new IllegalStateException("The issuer's discovery document names no jwks_uri: set"
                    + " cordon.dashboard.sign-in.jwk-set-uri");
        }
        return discovery.get("jwks_uri").asText();
    }
}
