package dev.cordon.identity.server;

import dev.cordon.identity.store.ClientEntry;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.store.SigningKeys;
import dev.cordon.identity.users.UserEntry;
import dev.cordon.identity.users.UserRegistry;
import dev.cordon.service.security.Audiences;
import dev.cordon.service.security.Claims;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.security.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * An access token as Entra ID issues one to an application, so resource servers configured for Entra ID read it
 * alike: the audience the client asked for ({@code resource=} on v1, {@code scope=<resource>/.default} on v2), the
 * client's permissions in {@code roles}, {@code appid}/{@code azp}, its display name, the tenant; for a device agent's
 * client, the machine it speaks for; for a client limited to device groups, those groups.
 * <p>
 * A person's token (the dashboard's, after a sign-in) is a delegated one as Entra ID's are: {@code scp} holds the
 * permissions of the user's role, {@code roles} the role itself, and its name is in {@code preferred_username},
 * {@code upn} and {@code name}; its groups in {@code cordon_device_groups}. The user is read from the users file at
 * every issue, a refresh included: a removed user gets no token, a changed role is in the next one. Every token is
 * signed with the current signing key, named in the header.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final String DEFAULT_SCOPE_SUFFIX = "/.default";

    private final ClientRegistry clients;
    private final UserRegistry users;
    private final SigningKeys keys;
    private final Tenant tenant;
    private final List<String> audiences;

    TokenClaims(ClientRegistry clients, UserRegistry users, SigningKeys keys, Tenant tenant, List<String> audiences) {
        this.clients = clients;
        this.users = users;
        this.keys = keys;
        this.tenant = tenant;
        this.audiences = audiences;
    }

    static String defaultScope(String audience) {
        return audience + DEFAULT_SCOPE_SUFFIX;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().keyId(keys.signing().getKeyID());
        if (!(context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant)) {
            person(context);
            return;
        }
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        ClientEntry client = clients.byClientId(context.getRegisteredClient().getClientId())
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT));
        String audience = audience(grant);
        context.getClaims().claims(claims -> {
            claims.remove("scope"); // an application token carries roles, not scopes, as Entra ID's do
            claims.put("aud", List.of(audience));
            claims.put(Claims.ROLES, client.permissions());
            claims.put(Claims.APP_ID, client.clientId());
            claims.put(Claims.AUTHORIZED_PARTY, client.clientId());
            claims.put(Claims.APP_DISPLAY_NAME, client.name());
            claims.put(Claims.TENANT, tenant.id());
            claims.put("idtyp", "app");
            claims.put("ver", version());
            if (client.machineId() != null) {
                claims.put(Claims.MACHINE_ID, client.machineId());
            }
            if (!client.deviceGroups().isEmpty()) {
                claims.put(Claims.DEVICE_GROUPS, client.deviceGroups());
            }
        });
    }

    /** The access token and ID token of a signed-in person (authorization code, refresh token). */
    private void person(JwtEncodingContext context) {
        String name = context.getPrincipal() == null ? null : context.getPrincipal().getName();
        UserEntry user = users.byName(name).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_GRANT, "The user no longer exists", null)));
        String clientId = context.getRegisteredClient().getClientId();
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            context.getClaims().claims(claims -> {
                claims.put(Claims.PREFERRED_USERNAME, user.name());
                claims.put("name", user.name());
                claims.put(Claims.TENANT, tenant.id());
            });
            return;
        }
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        CordonRole role = user.role();
        context.getClaims().claims(claims -> {
            claims.remove("scope"); // a delegated token says what it may do in scp, as Entra ID's do
            claims.put("aud", List.of(Audiences.CORDON));
            claims.put(Claims.SCOPES, role.permissions().stream().map(Permission::claimValue).sorted()
                    .collect(Collectors.joining(" ")));
            claims.put(Claims.ROLES, List.of(role.claimValue()));
            if (!user.deviceGroups().isEmpty()) {
                claims.put(Claims.DEVICE_GROUPS, user.deviceGroups());
            }
            claims.put(Claims.PREFERRED_USERNAME, user.name());
            claims.put(Claims.UPN, user.name());
            claims.put("name", user.name());
            claims.put(Claims.APP_ID, clientId);
            claims.put(Claims.AUTHORIZED_PARTY, clientId);
            claims.put(Claims.TENANT, tenant.id());
            claims.put("idtyp", "user");
            claims.put("ver", "2.0");
        });
    }

    /** The one audience asked for, if Cordon accepts it; none asked for: Cordon's own, the first accepted one. */
    private String audience(OAuth2ClientCredentialsAuthenticationToken grant) {
        String asked = asked(grant.getAdditionalParameters(), grant.getScopes());
        if (asked == null && grant.getScopes().isEmpty()) {
            return audiences.get(0);
        }
        if (asked == null || !audiences.contains(asked)) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_target",
                    "Tokens are issued for one of " + audiences + " (as resource=, or scope=<resource>/.default)",
                    null));
        }
        return asked;
    }

    /** v1 names the audience in {@code resource}; v2 asks for the one scope {@code <resource>/.default}. */
    private static String asked(Map<String, Object> parameters, Set<String> scopes) {
        if (parameters.get("resource") instanceof String resource) {
            return resource;
        }
        if (scopes.size() == 1) {
            String scope = scopes.iterator().next();
            return scope.endsWith(DEFAULT_SCOPE_SUFFIX)
                    ? scope.substring(0, scope.length() - DEFAULT_SCOPE_SUFFIX.length()) : null;
        }
        return null;
    }

    private static String version() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (request.getAttribute(EntraIdPaths.VERSION_ATTRIBUTE) instanceof String version) {
                return version;
            }
        }
        return "2.0";
    }
}
