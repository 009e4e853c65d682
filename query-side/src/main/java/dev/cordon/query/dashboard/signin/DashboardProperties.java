package dev.cordon.query.dashboard.signin;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's sign-in ({@code cordon.dashboard.*}); application.yml maps the environment variables.
 *
 * @param signIn         the OpenID Connect client the query side is to the identity provider
 * @param commandSideUrl where the dashboard's writes and the command side's reads are relayed to (its own port, not
 *                       the public base URL)
 * @param session        how long a signed-in session lasts
 */
@ConfigurationProperties("cordon.dashboard")
public record DashboardProperties(@DefaultValue SignIn signIn, String commandSideUrl, @DefaultValue Session session) {

    /**
     * @param clientId         the dashboard's client id at the identity provider; unset: sign-in is not configured
     * @param authorizationUri where the browser is sent to sign in (public)
     * @param tokenUri         where this side redeems the code and refreshes tokens (back channel)
     * @param endSessionUri    where the browser is sent on sign-out, to end the provider's session too
     * @param issuerUri        the ID token's issuer
     * @param jwkSetUri        the ID token's keys; unset: the issuer's discovery document names them
     * @param scopes           what is asked for: the API's delegated scope besides openid and profile
     */
    public record SignIn(String clientId, String clientSecret, String authorizationUri, String tokenUri,
                         String endSessionUri, String issuerUri, String jwkSetUri,
                         @DefaultValue({"openid", "profile", "api://cordon/user_impersonation"}) List<String> scopes) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "SignIn[clientId=" + clientId + ", authorizationUri=" + authorizationUri + ", tokenUri=" + tokenUri
                    + ", issuerUri=" + issuerUri + ", scopes=" + scopes + "]";
        }
    }

    /**
     * @param idleTimeout     a session not used this long has ended
     * @param absoluteTimeout a session this old has ended, however busy: a stolen cookie is not good forever
     */
    public record Session(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("8h") Duration absoluteTimeout) {
    }
}
