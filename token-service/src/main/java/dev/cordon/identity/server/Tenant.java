package dev.cordon.identity.server;

/**
 * The one tenant of the built-in token service and the Entra-ID-shaped URLs under it, which Defender clients are
 * configured with (only their base URL changes).
 *
 * @param id      the {@code {tenant}} path segment
 * @param baseUrl the public base URL
 */
public record Tenant(String id, String baseUrl) {

    /** As Entra ID's v2.0 issuer: every token's {@code iss}, and where resource servers find the discovery document. */
    public String issuer() {
        return baseUrl + "/" + id + "/v2.0";
    }

    public String v1TokenPath() {
        return "/" + id + "/oauth2/token";
    }

    public String v2TokenPath() {
        return "/" + id + "/oauth2/v2.0/token";
    }

    public String discoveryPath() {
        return "/" + id + "/v2.0/.well-known/openid-configuration";
    }

    public String keysPath() {
        return "/" + id + "/discovery/v2.0/keys";
    }

    /** Where a person's browser is sent to sign in (the authorization code flow's authorization endpoint). */
    public String authorizePath() {
        return "/" + id + "/oauth2/v2.0/authorize";
    }

    /** OpenID Connect RP-initiated logout: ends the sign-in session. */
    public String logoutPath() {
        return "/" + id + "/oauth2/v2.0/logout";
    }

    /** The sign-in page (Entra ID's is elsewhere; this one is Cordon's own). */
    public String loginPath() {
        return "/" + id + "/login";
    }

    public String url(String path) {
        return baseUrl + path;
    }
}
