package dev.cordon.service.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated token with who it says the caller is; its name is the requestor. */
public class CallerToken extends JwtAuthenticationToken {

    private final CallerIdentity identity;

    public CallerToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, CallerIdentity identity) {
        super(jwt, authorities, identity.requestor());
        this.identity = identity;
    }

    public CallerIdentity identity() {
        return identity;
    }
}
