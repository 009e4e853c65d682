package dev.cordon.service.security;

import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Who a token says the caller is. The requestor recorded for what the caller does is its name: a user's UPN or
 * {@code preferred_username}, an application's display name, else its client id. Nothing a request says (a header, a
 * body field, a query parameter) goes into it.
 *
 * @param requestor  the name recorded in the audit trail
 * @param key        one caller, for the rate limits: the client id of an application, the user, the machine of an
 *                   agent
 * @param machineId  the machine a device agent's token speaks for; null for every other caller
 * @param roles      a person's Cordon roles (empty for applications and agents)
 * @param scope      the device groups the caller covers
 */
public record CallerIdentity(String requestor, String key, String machineId, Set<CordonRole> roles,
                             DeviceScope scope) {

    public CallerIdentity {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        scope = scope == null ? DeviceScope.ALL : scope;
    }

    /** An application or agent covering every device group. */
    public CallerIdentity(String requestor, String key, String machineId) {
        this(requestor, key, machineId, Set.of(), DeviceScope.ALL);
    }

    /** The device groups of an authenticated caller; every group for anything else (the system itself). */
    public static DeviceScope scopeOf(Authentication authentication) {
        CallerIdentity identity = of(authentication);
        return identity == null ? DeviceScope.ALL : identity.scope();
    }

    public boolean isAgent() {
        return machineId != null;
    }

    /** @return the identity of an authenticated token, or null for an anonymous request */
    public static CallerIdentity of(Authentication authentication) {
        return authentication instanceof CallerToken token ? token.identity() : null;
    }

    static CallerIdentity fromClaims(Map<String, Object> claims, String machineClaim, boolean agent,
                                     Set<CordonRole> roles, DeviceScope scope) {
        String client = first(claims, Claims.APP_ID, Claims.AUTHORIZED_PARTY, "client_id", "sub");
        String user = first(claims, Claims.UPN, Claims.PREFERRED_USERNAME, "unique_name", "email");
        if (agent) {
            String machine = first(claims, machineClaim);
            return new CallerIdentity("Device agent of " + machine, "agent:" + machine, machine);
        }
        if (user != null) {
            return new CallerIdentity(user, "user:" + user, null, roles, scope);
        }
        String name = first(claims, Claims.APP_DISPLAY_NAME);
        return new CallerIdentity(name != null ? name : client, "app:" + client, null, Set.of(), scope);
    }

    private static String first(Map<String, Object> claims, String... names) {
        for (String name : names) {
            if (claims.get(name) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
