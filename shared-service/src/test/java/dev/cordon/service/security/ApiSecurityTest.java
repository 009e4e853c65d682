package dev.cordon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.service.TestService;
import dev.cordon.service.testing.TestIssuer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The services' security as shared-service configures it, on a service with one reading endpoint
 * ({@code GET /api/machines/{id}/history}, which needs Machine.Read.All or Machine.ReadWrite.All): every kind of bad
 * token is 401 in the public error shape with the Bearer challenge, a good token without the permission 403, a
 * foreign Host or a foreign Origin refused, the security headers on every answer.
 */
@SpringBootTest(classes = TestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestIssuer ISSUER = TestIssuer.get();

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noToken_is401WithTheChallengeAndTheErrorJson() throws Exception {
        HttpResponse<String> response = get("/api/machines/m1/history", Map.of("X-Request-ID", "no-token-1"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("Unauthorized");
        assertThat(error.path("target").asText()).isEqualTo("no-token-1");
    }

    /**
     * Defender's versioned path is the same endpoint under the same rules: served with the permission, 401 without a
     * token, 403 without the permission; a version Cordon does not have is no endpoint at all.
     */
    @Test
    void versionedPath_isTheSameEndpoint_underTheSameRules() throws Exception {
        HttpResponse<String> served = get("/api/v1.0/machines/m1/history", bearer(ISSUER.app("reader",
                "Machine.Read.All")));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(served.body()).path("id").asText()).isEqualTo("m1");
        assertThat(get("/api/v1.0/machines/m1/history", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1.0/machines/m1/history", bearer(ISSUER.app("isolator", "Machine.Isolate")))
                .statusCode()).isEqualTo(403);
        assertThat(get("/api/v2.0/machines/m1/history", bearer(ISSUER.app("reader", "Machine.Read.All")))
                .statusCode()).isNotEqualTo(200);
    }

    @Test
    void everyKindOfBadToken_is401_andNoneOfThemIsLogged(CapturedOutput output) throws Exception {
        for (Map.Entry<String, String> bad : ISSUER.refused().entrySet()) {
            HttpResponse<String> response = get("/api/machines/m1/history",
                    Map.of("Authorization", "Bearer " + bad.getValue()));
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(bad.getKey())
                    .hasValueSatisfying(v -> assertThat(v).contains("Bearer").contains("invalid_token"));
            assertThat(JSON.readTree(response.body()).at("/error/code").asText()).as(bad.getKey())
                    .isEqualTo("Unauthorized");
            assertThat(output.getAll()).as(bad.getKey()).doesNotContain(bad.getValue());
        }
    }

    @Test
    void goodToken_withThePermission_isServed_withoutIt_is403() throws Exception {
        assertThat(get("/api/machines/m1/history", bearer(ISSUER.app("reader", "Machine.Read.All"))).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/machines/m1/history", bearer(ISSUER.user("ana@example.com", "Machine.ReadWrite.All")))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> isolator = get("/api/machines/m1/history", bearer(ISSUER.app("isolator",
                "Machine.Isolate")));
        assertThat(isolator.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(isolator.body()).at("/error/code").asText()).isEqualTo("Forbidden");
        assertThat(get("/api/machines/m1/history", bearer(ISSUER.app("nothing"))).statusCode()).isEqualTo(403);
    }

    @Test
    void anAgentsToken_isGoodForNothingButTheAgentEndpoints_whateverElseItLists() throws Exception {
        String agentWithMore = ISSUER.token(claims -> claims.claim(Claims.ROLES,
                List.of("Cordon.Agent", "Machine.Read.All")).claim(Claims.MACHINE_ID, "m1"));
        assertThat(get("/api/machines/m1/history", bearer(agentWithMore)).statusCode()).isEqualTo(403);
    }

    @Test
    void aHostThatIsNotCordons_isRefusedBeforeTheToken_evenWithAGoodOne() throws IOException {
        String answer = raw("GET /api/machines/m1/history HTTP/1.1\r\nHost: rebind.attacker.example:" + port
                + "\r\nAuthorization: Bearer " + ISSUER.app("reader", "Machine.Read.All") + "\r\nConnection: close");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"BadRequest\"");
        assertThat(raw("GET /actuator/health/liveness HTTP/1.1\r\nHost: rebind.attacker.example\r\n"
                + "Connection: close")).startsWith("HTTP/1.1 400");
        assertThat(raw("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close"))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void aWriteFromAnotherOrigin_isRefused_oneFromCordonsOwnPageIsNot() throws Exception {
        String token = ISSUER.app("writer", "Machine.Read.All");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(uri("/api/body"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"x\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(foreign.body()).at("/error/code").asText()).isEqualTo("Forbidden");
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(uri("/api/body"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Origin", "http://127.0.0.1:8080").POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"x\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void probesAreOpenWithoutDetails_healthAndTheRestOfTheActuatorNeedTheOperationsPermission() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", Map.of());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).has("components")).isFalse();
        assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", bearer(ISSUER.app("reader", "Machine.Read.All"))).statusCode())
                .isEqualTo(403);
        HttpResponse<String> operator = get("/actuator/health", bearer(ISSUER.app("ops", "Cordon.Operations")));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(operator.body()).has("components")).isTrue();
    }

    @Test
    void everyAnswer_carriesNosniff_andForbidsFraming() throws Exception {
        for (HttpResponse<String> response : List.of(get("/api/machines/m1/history", Map.of()),
                get("/actuator/health/liveness", Map.of()),
                get("/api/machines/m1/history", bearer(ISSUER.app("reader", "Machine.Read.All"))))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String raw(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
