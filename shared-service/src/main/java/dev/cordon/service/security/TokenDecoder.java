package dev.cordon.service.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Spring Security's JWT decoder for the configured issuer: the signature against the issuer's published keys (fetched
 * on first use and again when a token names a key not seen yet, so a rotation needs no restart), RS256 only (an
 * unsigned {@code alg: none} token is never accepted), {@code iss}, {@code exp} (required) and {@code nbf} with a
 * small skew, and an accepted audience.
 */
final class TokenDecoder {

    private TokenDecoder() {
    }

    static JwtDecoder of(SecurityProperties properties) {
        if (properties.issuerUri() == null || properties.issuerUri().isBlank()) {
            throw new IllegalStateException("cordon.security.issuer-uri (CORDON_SECURITY_ISSUER_URI) is not set: every"
                    + " API call is checked against a token issuer; see docs/security.md");
        }
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            decoder.setJwtValidator(validator(properties));
            return remembering(decoder, properties);
        }
        return remembering(new Discovered(properties), properties);
    }

    /**
     * Finds the keys through the issuer's discovery document at the first token rather than at start, so a service
     * starts while its issuer is not up yet, and tries again at the next token while discovery fails. Until then a
     * token cannot be checked: that is the issuer's fault, reported as such (not as a bad token).
     */
    private static final class Discovered implements JwtDecoder {

        private final SecurityProperties properties;
        private volatile JwtDecoder delegate;

        Discovered(SecurityProperties properties) {
            this.properties = properties;
        }

        @Override
        public Jwt decode(String token) {
            JwtDecoder decoder = delegate;
            if (decoder == null) {
                synchronized (this) {
                    if (delegate == null) {
                        try {
                            NimbusJwtDecoder discovered =
                                    NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
                            discovered.setJwtValidator(validator(properties));
                            delegate = discovered;
                        } catch (RuntimeException e) {
                            throw new JwtException("The issuer's discovery document could not be read: "
                                    + e.getMessage(), e);
                        }
                    }
                    decoder = delegate;
                }
            }
            return decoder.decode(token);
        }
    }

    private static JwtDecoder remembering(JwtDecoder verifier, SecurityProperties properties) {
        return new VerifiedTokens(verifier, validator(properties), Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        List<String> audiences = properties.audiences();
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(properties.issuerUri()),
                new JwtClaimValidator<>(JwtClaimNames.AUD, (Object aud) -> aud instanceof Collection<?> list
                        ? list.stream().anyMatch(audiences::contains) : audiences.contains(aud)));
    }
}
