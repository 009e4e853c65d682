package dev.cordon.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.support.HttpApi;
import dev.cordon.service.routing.Route;
import dev.cordon.service.routing.RouteTable;
import dev.cordon.service.security.Access;
import dev.cordon.service.security.EndpointPermissions;
import dev.cordon.service.security.EndpointRule;
import dev.cordon.service.security.Permission;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.system.Engine;
import dev.cordon.system.docs.ApiDocEndpoints;
import dev.cordon.system.docs.ApiDocEndpoints.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The access matrix, tried on the running services endpoint by endpoint, the endpoints taken from their own OpenAPI
 * documents: so a new endpoint is in here the day it is written, and fails until the matrix has a row for it. Every
 * endpoint refuses every kind of bad token with 401 and every token without its permission with 403, in the public
 * error shape, and nothing of all those calls is stored.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Engine engine;

    @BeforeAll
    static void startEngine() {
        engine = Engine.start("cordon_access", EmbeddedKafkaCondition.getBroker().getBrokersAsString(), List.of());
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void everyEndpointOfBothOpenApiDocuments_hasARowInTheMatrix() throws Exception {
        List<Endpoint> withoutRule = endpoints().stream().filter(e -> rule(e).isEmpty()).toList();
        assertThat(withoutRule).as("endpoints the access matrix (EndpointPermissions) does not name").isEmpty();
    }

    @Test
    void everyEndpoint_refusesBadTokensWith401_andMissingPermissionsWith403_storingNothing() throws Exception {
        HttpApi commands = new HttpApi(engine.commandSideUrl());
        String device = "matrix" + UUID.randomUUID().toString().replace("-", "");
        assertThat(commands.register(device, "host-matrix", "Windows11", "22631").status()).isEqualTo(201);
        String action = commands.isolate(device, "Full").body().get("id").asText();
        int storedBefore = storedEvents();

        Map<String, String> badTokens = new LinkedHashMap<>(TestIssuer.get().refused());
        badTokens.put("missing", null);
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            EndpointRule rule = rule(endpoint).orElseThrow();
            String url = base(endpoint) + concrete(endpoint.path(), device, action);
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                HttpResponse<String> answer = send(endpoint.method(), url, bad.getValue());
                String what = endpoint + " with a " + bad.getKey() + " token";
                assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate")).as(what)
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
                assertPublicError(answer, "Unauthorized", what);
            }
            for (String token : withoutTheAccess(rule.access(), device)) {
                HttpResponse<String> answer = send(endpoint.method(), url, token);
                assertThat(answer.statusCode()).as(endpoint + " without its permission: " + answer.body())
                        .isEqualTo(403);
                assertPublicError(answer, "Forbidden", endpoint + " without its permission");
            }
            checked.add(endpoint.toString());
        }
        assertThat(checked).as("endpoints tried").hasSizeGreaterThanOrEqualTo(15);
        assertThat(storedEvents()).as("events stored by all the refused calls").isEqualTo(storedBefore);
    }

    /** One token per permission the endpoint does not accept (and an agent's, unless only agents may call it). */
    private static List<String> withoutTheAccess(Access access, String device) {
        List<String> tokens = new ArrayList<>();
        if (access instanceof Access.AnyOf any) {
            for (Permission permission : Permission.values()) {
                if (permission != Permission.AGENT && !any.permissions().contains(permission)) {
                    tokens.add(TestIssuer.get().app("matrix " + permission.claimValue(), permission.claimValue()));
                }
            }
            tokens.add(TestIssuer.get().agent(device));
            tokens.add(TestIssuer.get().app("matrix without permissions"));
        } else if (access instanceof Access.Agent) {
            tokens.add(TestIssuer.get().testClient());
        }
        return tokens;
    }

    private static void assertPublicError(HttpResponse<String> answer, String code, String what) throws IOException {
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertThat(error.path("code").asText()).as(what).isEqualTo(code);
        assertThat(error.path("target").asText()).as(what + ": target").isNotBlank();
    }

    private static Set<Endpoint> endpoints() throws IOException, InterruptedException {
        Set<Endpoint> endpoints = new TreeSet<>();
        endpoints.addAll(ApiDocEndpoints.fromOpenApi(openApi(engine.commandSideUrl() + "/v3/api-docs/command")));
        endpoints.addAll(ApiDocEndpoints.fromOpenApi(openApi(engine.querySideUrl() + "/v3/api-docs/query")));
        assertThat(endpoints).as("endpoints in the OpenAPI documents").isNotEmpty();
        return endpoints;
    }

    /** The matrix row of an endpoint: its method, and its path template whatever its parameters are named. */
    private static Optional<EndpointRule> rule(Endpoint endpoint) {
        return EndpointPermissions.RULES.stream()
                .filter(rule -> rule.methods().contains(endpoint.method()))
                .filter(rule -> template(rule.path()).equals(template(endpoint.path())))
                .findFirst();
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    /** Action ids where the path is under machineactions, the device's id elsewhere. */
    private static String concrete(String path, String device, String action) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                segments[i] = segments[i - 1].equals("machineactions") ? action : device;
            }
        }
        return String.join("/", segments);
    }

    private static String base(Endpoint endpoint) {
        return RouteTable.route(endpoint.method(), endpoint.path()) == Route.COMMAND_SIDE ? engine.commandSideUrl()
                : engine.querySideUrl();
    }

    private static HttpResponse<String> send(String method, String url, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (method.equals("GET") || method.equals("HEAD")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"Comment\":\"matrix\",\"status\":\"Succeeded\"}"));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int storedEvents() throws IOException, InterruptedException {
        HttpResponse<String> export = HTTP.send(HttpRequest.newBuilder(URI.create(engine.commandSideUrl()
                + "/api/audit/events")).header("Authorization", TestIssuer.bearer()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        return (int) export.body().lines().filter(line -> !line.isBlank()).count();
    }

    private static JsonNode openApi(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
