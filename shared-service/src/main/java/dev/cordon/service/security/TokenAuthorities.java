package dev.cordon.service.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A validated token's permissions and device groups, as Defender reads them.
 * <ul>
 * <li>An application's token (no {@code scp}): its permissions are in {@code roles}, and it covers every device group
 * unless {@code cordon_device_groups} limits it.</li>
 * <li>A person's (delegated) token, with {@code scp}: it may do what its scopes allow <em>and</em> its holder's Cordon
 * role allows, both at once, in the device groups the role assignment covers (further limited by
 * {@code cordon_device_groups} when present). A person with no assigned role may do nothing.</li>
 * <li>A token with the agent permission and a machine id is a device agent's, and is granted that and nothing
 * else, whatever else it lists.</li>
 * </ul>
 * A value that is not a Cordon permission or an assignment grants nothing.
 */
public class TokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Granted to a device agent's token only; checked with the machine id by the agent endpoints. */
    public static final String AGENT_AUTHORITY = "AGENT";

    private final String machineClaim;
    private final UserRoleProperties users;

    public TokenAuthorities(String machineClaim) {
        this(machineClaim, UserRoleProperties.defaults());
    }

    public TokenAuthorities(String machineClaim, UserRoleProperties users) {
        this.machineClaim = machineClaim;
        this.users = users;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        boolean delegated = jwt.getClaims().get(Claims.SCOPES) instanceof String;
        Set<Permission> permissions = permissions(jwt, delegated);
        boolean agent = !delegated && permissions.contains(Permission.AGENT)
                && jwt.getClaimAsString(machineClaim) != null && !jwt.getClaimAsString(machineClaim).isBlank();
        Set<CordonRole> roles = EnumSet.noneOf(CordonRole.class);
        DeviceScope scope = DeviceScope.ALL;
        if (delegated) {
            scope = DeviceScope.NONE;
            Set<Permission> allowed = EnumSet.noneOf(Permission.class);
            for (UserRoleProperties.Assignment assignment : assignmentsOf(jwt)) {
                roles.add(assignment.cordonRole());
                allowed.addAll(assignment.cordonRole().permissions());
                scope = scope.or(assignment.scope());
            }
            permissions.retainAll(allowed);
        }
        List<String> limit = values(jwt, Claims.DEVICE_GROUPS);
        if (jwt.getClaims().containsKey(Claims.DEVICE_GROUPS)) {
            scope = scope.and(DeviceScope.only(limit));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (agent) {
            authorities.add(new SimpleGrantedAuthority(AGENT_AUTHORITY));
        } else {
            permissions.stream().filter(p -> p != Permission.AGENT)
                    .forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        }
        return new CallerToken(jwt, authorities,
                CallerIdentity.fromClaims(jwt.getClaims(), machineClaim, agent, roles, scope));
    }

    private List<UserRoleProperties.Assignment> assignmentsOf(Jwt jwt) {
        Set<String> held = new LinkedHashSet<>();
        users.claims().forEach(claim -> held.addAll(values(jwt, claim)));
        return users.assignments().stream().filter(assignment -> held.contains(assignment.claimValue())).toList();
    }

    private static Set<Permission> permissions(Jwt jwt, boolean delegated) {
        Collection<String> values = new ArrayList<>();
        if (delegated) {
            values.addAll(List.of(((String) jwt.getClaims().get(Claims.SCOPES)).trim().split("\\s+")));
        } else {
            values.addAll(values(jwt, Claims.ROLES));
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        values.forEach(value -> Permission.ofClaimValue(value).ifPresent(permissions::add));
        return permissions;
    }

    private static List<String> values(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        } else if (value instanceof String single && !single.isBlank()) {
            values.add(single);
        }
        return values;
    }
}
