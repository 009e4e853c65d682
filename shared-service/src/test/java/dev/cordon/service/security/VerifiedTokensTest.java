package dev.cordon.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final List<String> verifications = new ArrayList<>();
    private Instant expiresAt = now.plus(Duration.ofHours(1));
    /** What the real decoder does: verify, then validate, failing either way. */
    private final JwtDecoder verifier = token -> {
        verifications.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        Jwt jwt = jwt(token);
        if (validator().validate(jwt).hasErrors()) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Jwt expired");
        }
        return jwt;
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, validator(), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void theSameToken_isVerifiedOnce_andAnsweredWithItsClaims() {
        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");

        assertThat(again.getSubject()).isEqualTo("client-token-a");
        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("token-a");
        tokens.decode("token-b");
        assertThat(verifications).containsExactly("token-a", "token-b");
    }

    @Test
    void aRememberedToken_thatExpired_isRefusedAsBefore() {
        tokens.decode("token-a");
        now = expiresAt.plusSeconds(1);

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void aToken_isTrustedForAtMostTheKeyCacheTime_thenVerifiedAgain() {
        tokens.decode("token-a");
        now = now.plus(VerifiedTokens.TRUST).minusSeconds(1);
        tokens.decode("token-a");
        now = now.plusSeconds(1);
        tokens.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedToken_isNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged-1", "forged-1");
    }

    @Test
    void theServicesDecoder_remembersVerifiedTokens() {
        SecurityProperties properties = new SecurityProperties("http://127.0.0.1:1/tenant/v2.0", null, null,
                Duration.ofSeconds(30), null, null, null);
        assertThat(TokenDecoder.of(properties)).isInstanceOf(VerifiedTokens.class);
    }

    private OAuth2TokenValidator<Jwt> validator() {
        return jwt -> jwt.getExpiresAt().isAfter(now) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new org.springframework.security.oauth2.core.OAuth2Error(
                        "invalid_token", "Jwt expired", null));
    }

    private Jwt jwt(String token) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("client-" + token)
                .issuedAt(now.minusSeconds(10)).expiresAt(expiresAt).build();
    }
}
