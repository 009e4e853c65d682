package dev.cordon.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.store.NewClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Each token request shape Defender clients send, against the real service on a real port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private static final Path DIRECTORY = temporaryDirectory();
    private static final NewClient PLAYBOOK = new ClientRegistry(DIRECTORY, Clock.systemUTC())
            .add("SOAR playbook", List.of("Machine.Isolate", "Machine.Read.All"), null);

    @LocalServerPort
    int port;
    @Autowired
    Tenant tenant;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("cordon.identity.directory", DIRECTORY::toString);
        registry.add("cordon.identity.tenant-id", () -> TENANT);
        registry.add("cordon.identity.public-base-url", () -> "http://127.0.0.1:8080");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("cordon-identity");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void v1Post_withResource_issuesATokenForThatAudience_withRolesAndTheClientsName() throws Exception {
        HttpResponse<String> response = post("/" + TENANT + "/oauth2/token", Map.of("grant_type",
                "client_credentials", "client_id", PLAYBOOK.entry().clientId(), "client_secret",
                PLAYBOOK.clientSecret(), "resource", "https://api.securitycenter.microsoft.com"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(3500L, 3600L);
        assertThat(body.has("expires_on")).isTrue();
        SignedJWT jwt = verified(body.get("access_token").asText());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://api.securitycenter.microsoft.com");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://127.0.0.1:8080/" + TENANT + "/v2.0");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("Machine.Isolate", "Machine.Read.All");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("appid")).isEqualTo(PLAYBOOK.entry().clientId());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("azp")).isEqualTo(PLAYBOOK.entry().clientId());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("app_displayname")).isEqualTo("SOAR playbook");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("tid")).isEqualTo(TENANT);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("ver")).isEqualTo("1.0");
        assertThat(jwt.getJWTClaimsSet().getClaim("scope")).isNull();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(jwt.getJWTClaimsSet().getIssueTime());
    }

    @Test
    void aClientLimitedToDeviceGroups_getsThemInItsTokens_anUnlimitedOneNone() throws Exception {
        NewClient servers = new ClientRegistry(DIRECTORY, Clock.systemUTC()).add(UUID.randomUUID().toString(),
                "server playbook", List.of("Machine.Isolate"), List.of("Servers", "Domain Controllers"), null);
        HttpResponse<String> response = post("/" + TENANT + "/oauth2/v2.0/token", Map.of("grant_type",
                "client_credentials", "client_id", servers.entry().clientId(), "client_secret",
                servers.clientSecret(), "scope", "api://cordon/.default"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).as("an application gets no session").isEmpty();
        assertThat(verified(JSON.readTree(response.body()).get("access_token").asText()).getJWTClaimsSet()
                .getStringListClaim("cordon_device_groups")).containsExactly("Servers", "Domain Controllers");

        HttpResponse<String> unlimited = post("/" + TENANT + "/oauth2/v2.0/token", Map.of("grant_type",
                "client_credentials", "client_id", PLAYBOOK.entry().clientId(), "client_secret",
                PLAYBOOK.clientSecret(), "scope", "api://cordon/.default"));
        assertThat(verified(JSON.readTree(unlimited.body()).get("access_token").asText()).getJWTClaimsSet()
                .getClaim("cordon_device_groups")).isNull();
    }

    @Test
    void v1Get_withTheFormInTheBody_isServedAsThePost() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/" + TENANT + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("GET", HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials",
                        "client_id", PLAYBOOK.entry().clientId(), "client_secret", PLAYBOOK.clientSecret(),
                        "resource", "https://api.securitycenter.windows.com")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(verified(JSON.readTree(response.body()).get("access_token").asText()).getJWTClaimsSet()
                .getAudience()).containsExactly("https://api.securitycenter.windows.com");
    }

    @Test
    void v2_withDiscovery_asMsalReadsIt_issuesForTheDefaultScopesResource() throws Exception {
        JsonNode instance = get("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                + URLEncoder.encode("http://127.0.0.1:8080/" + TENANT + "/oauth2/v2.0/authorize",
                StandardCharsets.UTF_8));
        assertThat(instance.get("tenant_discovery_endpoint").asText())
                .isEqualTo("http://127.0.0.1:8080/" + TENANT + "/v2.0/.well-known/openid-configuration");
        JsonNode discovery = get("/" + TENANT + "/v2.0/.well-known/openid-configuration");
        assertThat(discovery.get("issuer").asText()).isEqualTo(tenant.issuer());
        assertThat(discovery.get("token_endpoint").asText())
                .isEqualTo("http://127.0.0.1:8080/" + TENANT + "/oauth2/v2.0/token");
        assertThat(discovery.get("jwks_uri").asText())
                .isEqualTo("http://127.0.0.1:8080/" + TENANT + "/discovery/v2.0/keys");

        HttpResponse<String> response = post("/" + TENANT + "/oauth2/v2.0/token", Map.of("grant_type",
                "client_credentials", "client_id", PLAYBOOK.entry().clientId(), "client_secret",
                PLAYBOOK.clientSecret(), "scope", "https://api.security.microsoft.com/.default"));
        assertThat(response.statusCode()).isEqualTo(200);
        SignedJWT jwt = verified(JSON.readTree(response.body()).get("access_token").asText());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://api.security.microsoft.com");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("ver")).isEqualTo("2.0");
    }

    @Test
    void wrongSecret_unknownAudience_andRemovedClient_getNoToken() throws Exception {
        assertThat(post("/" + TENANT + "/oauth2/token", Map.of("grant_type", "client_credentials", "client_id",
                PLAYBOOK.entry().clientId(), "client_secret", "wrong", "resource",
                "https://api.securitycenter.microsoft.com")).statusCode()).isEqualTo(401);
        HttpResponse<String> unknownAudience = post("/" + TENANT + "/oauth2/token", Map.of("grant_type",
                "client_credentials", "client_id", PLAYBOOK.entry().clientId(), "client_secret",
                PLAYBOOK.clientSecret(), "resource", "https://graph.microsoft.com"));
        assertThat(unknownAudience.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownAudience.body()).get("error").asText()).isEqualTo("invalid_target");

        ClientRegistry registry = new ClientRegistry(DIRECTORY, Clock.systemUTC());
        NewClient leaving = registry.add("leaving", List.of("Machine.Read.All"), null);
        Map<String, String> form = Map.of("grant_type", "client_credentials", "client_id",
                leaving.entry().clientId(), "client_secret", leaving.clientSecret());
        assertThat(post("/" + TENANT + "/oauth2/token", form).statusCode()).isEqualTo(200);
        registry.remove("leaving");
        assertThat(post("/" + TENANT + "/oauth2/token", form).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherTenant_orAnyOtherPath_isRefused() throws Exception {
        assertThat(post("/another-tenant/oauth2/token", Map.of("grant_type", "client_credentials", "client_id",
                PLAYBOOK.entry().clientId(), "client_secret", PLAYBOOK.clientSecret())).statusCode())
                .isIn(401, 403, 404);
        assertThat(http.send(HttpRequest.newBuilder(uri("/actuator/env")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(401, 403);
    }

    @Test
    void secretsAndKeys_areOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DIRECTORY))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DIRECTORY.resolve("clients.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                DIRECTORY.resolve("signing-keys.json")))).isEqualTo("rw-------");
        assertThat(Files.readString(DIRECTORY.resolve("clients.json"))).doesNotContain(PLAYBOOK.clientSecret());
    }

    private SignedJWT verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet keys = JWKSet.parse(http.send(HttpRequest.newBuilder(uri("/" + TENANT + "/discovery/v2.0/keys"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(keys.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        RSAKey key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
