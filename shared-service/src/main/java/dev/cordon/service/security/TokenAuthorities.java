package dev.cordon.service.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A validated token's permissions, as Defender reads them: application permissions in {@code roles}, delegated ones
 * in {@code scp}. A value that is not a Cordon permission grants nothing. A token with the agent permission and a
 * machine id is a device agent's, and is granted that and nothing else, whatever else it lists.
 */
public class TokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Granted to a device agent's token only; checked with the machine id by the agent endpoints. */
    public static final String AGENT_AUTHORITY = "AGENT";

    private final String machineClaim;

    public TokenAuthorities(String machineClaim) {
        this.machineClaim = machineClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Permission> permissions = permissions(jwt);
        boolean agent = permissions.contains(Permission.AGENT) && jwt.getClaimAsString(machineClaim) != null
                && !jwt.getClaimAsString(machineClaim).isBlank();
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (agent) {
            authorities.add(new SimpleGrantedAuthority(AGENT_AUTHORITY));
        } else {
            permissions.stream().filter(p -> p != Permission.AGENT)
                    .forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        }
        return new CallerToken(jwt, authorities, CallerIdentity.fromClaims(jwt.getClaims(), machineClaim, agent));
    }

    private static Set<Permission> permissions(Jwt jwt) {
        Collection<String> values = new ArrayList<>();
        Object roles = jwt.getClaims().get(Claims.ROLES);
        if (roles instanceof Collection<?> list) {
            list.forEach(value -> values.add(String.valueOf(value)));
        } else if (roles instanceof String single) {
            values.add(single);
        }
        if (jwt.getClaims().get(Claims.SCOPES) instanceof String scopes) {
            values.addAll(List.of(scopes.trim().split("\\s+")));
        }
        Set<Permission> permissions = new LinkedHashSet<>();
        values.forEach(value -> Permission.ofClaimValue(value).ifPresent(permissions::add));
        return permissions;
    }
}
