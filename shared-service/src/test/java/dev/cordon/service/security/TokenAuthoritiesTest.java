package dev.cordon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Roles and device groups: a person may do what both the token's scopes and the person's role allow. */
class TokenAuthoritiesTest {

    private static final String ALL_SCOPES = "Machine.Read.All Machine.Isolate Machine.ReadWrite.All";

    private final TokenAuthorities authorities = new TokenAuthorities(Claims.MACHINE_ID);

    @Test
    void aViewer_mayRead_whateverTheScopesSay() {
        CallerToken token = convert(user(ALL_SCOPES, List.of("Cordon.Viewer")));

        assertThat(names(token)).containsExactly("Machine.Read.All");
        assertThat(token.identity().roles()).containsExactly(CordonRole.VIEWER);
        assertThat(token.identity().scope()).isEqualTo(DeviceScope.ALL);
    }

    @Test
    void aResponder_mayIsolate_onlyWhenTheScopesAllowItToo() {
        assertThat(names(convert(user(ALL_SCOPES, List.of("Cordon.Responder")))))
                .containsExactlyInAnyOrder("Machine.Read.All", "Machine.Isolate");
        assertThat(names(convert(user("Machine.Read.All", List.of("Cordon.Responder")))))
                .containsExactly("Machine.Read.All");
    }

    @Test
    void aPersonWithoutARole_mayDoNothing() {
        CallerToken token = convert(user(ALL_SCOPES, null));

        assertThat(token.getAuthorities()).isEmpty();
        assertThat(token.identity().scope().covers("Servers")).isFalse();
    }

    @Test
    void theDeviceGroupsClaim_limitsAPerson() {
        CallerToken token = convert(user(ALL_SCOPES, List.of("Cordon.Responder"),
                claims -> claims.claim(Claims.DEVICE_GROUPS, List.of("Servers"))));

        assertThat(token.identity().scope().covers("servers")).isTrue();
        assertThat(token.identity().scope().covers("Workstations")).isFalse();
    }

    @Test
    void anAssignmentByGroup_namesTheRoleAndItsDeviceGroups() {
        TokenAuthorities configured = new TokenAuthorities(Claims.MACHINE_ID, new UserRoleProperties(null, List.of(
                new UserRoleProperties.Assignment("0f3c-tier1", "Responder", List.of("Workstations")),
                new UserRoleProperties.Assignment("9a1e-readers", "Viewer", List.of()))));

        CallerToken tier1 = (CallerToken) configured.convert(jwt(claims -> claims.claim(Claims.SCOPES, ALL_SCOPES)
                .claim(Claims.UPN, "ana@example.com").claim(Claims.GROUPS, List.of("0f3c-tier1"))));
        CallerToken both = (CallerToken) configured.convert(jwt(claims -> claims.claim(Claims.SCOPES, ALL_SCOPES)
                .claim(Claims.UPN, "bo@example.com").claim(Claims.GROUPS, List.of("0f3c-tier1", "9a1e-readers"))));

        assertThat(names(tier1)).containsExactlyInAnyOrder("Machine.Read.All", "Machine.Isolate");
        assertThat(tier1.identity().scope()).isEqualTo(DeviceScope.only(List.of("Workstations")));
        assertThat(both.identity().scope()).isEqualTo(DeviceScope.ALL);
    }

    @Test
    void anApplication_coversEveryGroup_unlessItsClientIsLimited() {
        CallerToken app = convert(jwt(claims -> claims.claim(Claims.ROLES, List.of("Machine.Isolate"))
                .claim(Claims.APP_ID, "playbook")));
        CallerToken limited = convert(jwt(claims -> claims.claim(Claims.ROLES, List.of("Machine.Isolate"))
                .claim(Claims.APP_ID, "playbook").claim(Claims.DEVICE_GROUPS, List.of("Servers"))));

        assertThat(names(app)).containsExactly("Machine.Isolate");
        assertThat(app.identity().scope()).isEqualTo(DeviceScope.ALL);
        assertThat(limited.identity().scope()).isEqualTo(DeviceScope.only(List.of("Servers")));
    }

    @Test
    void anAssignmentNamingNoRole_stopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UserRoleProperties(null,
                        List.of(new UserRoleProperties.Assignment("x", "Tier 1", List.of()))))
                .hasMessageContaining("Tier 1").hasMessageContaining("Responder");
    }

    private CallerToken convert(Jwt jwt) {
        return (CallerToken) authorities.convert(jwt);
    }

    private static Jwt user(String scopes, List<String> roles) {
        return user(scopes, roles, claims -> { });
    }

    private static Jwt user(String scopes, List<String> roles, Consumer<Jwt.Builder> more) {
        return jwt(claims -> {
            claims.claim(Claims.SCOPES, scopes).claim(Claims.UPN, "ana@example.com");
            if (roles != null) {
                claims.claim(Claims.ROLES, roles);
            }
            more.accept(claims);
        });
    }

    private static Jwt jwt(Consumer<Jwt.Builder> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").headers(h -> h.putAll(Map.of("alg", "RS256")))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).claim("sub", "s");
        claims.accept(builder);
        return builder.build();
    }

    private static List<String> names(CallerToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
