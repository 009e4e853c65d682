package dev.cordon.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens whose signature was verified, so that a caller sending the same token with every call (a
 * playbook, for the token's hour) costs one RSA verification and parse, not one per request: they were 14 % of the
 * command side's CPU under load (docs/performance.md#command-path-issue-15). Only the exact token text that passed
 * is remembered; every use still runs the validator (expiry, not-before, issuer, audience), and one that fails is
 * forgotten and decoded again, so it is refused exactly as before. An entry is trusted for at most {@link #TRUST},
 * the time Spring's decoder caches the issuer's keys anyway: a key the issuer withdraws stops working no later than
 * it did without this.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration TRUST = Duration.ofMinutes(5);
    /** Tokens of distinct callers live at once; beyond that the memory is started afresh (a burst of new callers). */
    static final int MAX_TOKENS = 1_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Verified known = token == null ? null : verified.get(token);
        if (known != null) {
            if (now.isBefore(known.trustedUntil()) && !validator.validate(known.jwt()).hasErrors()) {
                return known.jwt();
            }
            verified.remove(token, known);
        }
        Jwt jwt = verifier.decode(token);
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        Instant until = now.plus(TRUST);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }

    private record Verified(Jwt jwt, Instant trustedUntil) {
    }
}
