package dev.cordon.identity.server;

import dev.cordon.service.security.Audiences;
import java.time.Duration;
import java.util.List;

/**
 * The dashboard, as a client of the token service: a confidential web application (the query side holds its secret)
 * that signs people in with the authorization code flow and PKCE, and asks for a token to act for them at Cordon's
 * API. Its entry in the clients file is made by the standalone setup; its settings are these.
 */
public final class DashboardClient {

    public static final String CLIENT_ID = "cordon-dashboard";
    public static final String NAME = "Cordon dashboard";
    /** The delegated scope Cordon's API is asked for, as an Entra ID app registration exposes one. */
    public static final String API_SCOPE = Audiences.CORDON + "/user_impersonation";
    public static final List<String> SCOPES = List.of("openid", "profile", API_SCOPE);
    /** A person's token is short-lived: a removed user or a changed role takes effect within this. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);
    /** How long the dashboard may renew tokens without a new sign-in (its own session ends sooner when idle). */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(8);
    /** Where Spring Security's OAuth 2.0 login on the query side receives the code, for registration id "cordon". */
    public static final String REDIRECT_PATH = "/login/oauth2/code/cordon";

    private DashboardClient() {
    }
}
