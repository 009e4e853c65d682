package dev.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.service.routing.Route;
import dev.cordon.service.routing.RouteTable;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.system.docs.ApiDocEndpoints.Endpoint;
import dev.cordon.system.docs.ApiDocEndpoints;
import dev.cordon.system.docs.HttpExample;
import dev.cordon.system.docs.NdJson;
import dev.cordon.system.docs.ResponseMatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * docs/api.md cannot drift: every documented request is sent, in the order written, to the service that the
 * one base URL routes it to, and the answer must have the documented status, headers and JSON shape and values
 * (see {@link ResponseMatcher} for what may vary). And the documented endpoints are exactly the services' own
 * (their OpenAPI documents).
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class ApiDocIT {

    /** Reads are eventually consistent: a documented read may take this long to come true. */
    private static final Duration READ_PATIENCE = Duration.ofSeconds(30);
    /** Strict: a body must be one JSON document (an NDJSON answer documented as JSON would otherwise pass). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The device docs/api.md's agent examples speak for. */
    private static final String DOCUMENTED_MACHINE = "4f2a9c1e0b7d4e8a9c3f5d6e7a8b9c0d1e2f3a4b";

    private static Engine engine;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startEngine() {
        String brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        // Presence shows within a fraction of a second, so that the devices' examples, read well after the agent's
        // poll, show it as documented.
        engine = Engine.start("cordon_doc", brokers, List.of("--cordon.presence.flush-interval=100ms"),
                List.of("--cordon.query.presence.sync-interval=100ms"));
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void everyDocumentedExample_getsTheDocumentedAnswer() throws Exception {
        List<HttpExample> examples = HttpExample.parse(Repository.read("docs/api.md"));
        assertThat(examples).as("examples in docs/api.md").isNotEmpty();
        ResponseMatcher matcher = new ResponseMatcher();
        // The examples' caller: an application token, as a SOAR playbook has one; the agent's, for its machine.
        matcher.bind("token", TestIssuer.get().app("SOC automation", "Machine.Isolate", "Machine.ReadWrite.All",
                "Cordon.Operations"));
        matcher.bind("agentToken", TestIssuer.get().agent(DOCUMENTED_MACHINE));
        for (HttpExample example : examples) {
            HttpExample.Request request = example.request();
            Route side = RouteTable.route(request.method(), request.path());
            assertThat(side).as("docs/api.md line " + example.line() + ": routed").isNotEqualTo(Route.NOT_ROUTED);
            String base = side == Route.COMMAND_SIDE ? engine.commandSideUrl() : engine.querySideUrl();
            if (example.response().eventStream()) {
                assertThat(eventStreamDifferences(base, example, matcher)).as("docs/api.md line %d: %s %s",
                        example.line(), request.method(), request.target()).isEmpty();
                continue;
            }
            boolean read = request.method().equals("GET") && side == Route.QUERY_SIDE;
            Instant deadline = Instant.now().plus(read ? READ_PATIENCE : Duration.ZERO);
            List<String> differences;
            HttpResponse<String> response;
            do {
                response = send(base, request, matcher);
                differences = differences(example, response, matcher);
                if (!differences.isEmpty() && read) {
                    Thread.sleep(200);
                }
            } while (!differences.isEmpty() && read && Instant.now().isBefore(deadline));
            assertThat(differences).as("docs/api.md line %d: %s %s%nanswered %d %s%n", example.line(),
                    request.method(), request.target(), response.statusCode(),
                    example.response().ndjson() ? response.body() : pretty(response.body())).isEmpty();
        }
    }

    @Test
    void documentedEndpoints_areExactlyTheServicesOpenApiEndpoints() throws Exception {
        Set<Endpoint> served = new TreeSet<>();
        served.addAll(ApiDocEndpoints.fromOpenApi(openApi(engine.commandSideUrl() + "/v3/api-docs/command")));
        served.addAll(ApiDocEndpoints.fromOpenApi(openApi(engine.querySideUrl() + "/v3/api-docs/query")));
        assertThat(served).as("endpoints in the OpenAPI documents").isNotEmpty();

        String markdown = Repository.read("docs/api.md");
        List<Endpoint> exemplified = new ArrayList<>();
        for (HttpExample example : HttpExample.parse(markdown)) {
            exemplified.add(ApiDocEndpoints.match(served, example.request().method(), example.request().path())
                    .orElseThrow(() -> new AssertionError("docs/api.md line " + example.line() + ": "
                            + example.request().method() + " " + example.request().path() + " is no endpoint of "
                            + "the services' OpenAPI documents")));
        }
        assertThat(new TreeSet<>(exemplified)).as("endpoints with an example in docs/api.md")
                .containsExactlyElementsOf(served);
        assertThat(ApiDocEndpoints.listed(markdown)).as("endpoints in the tables of docs/api.md")
                .containsExactlyElementsOf(served);
    }

    private HttpResponse<String> send(String base, HttpExample.Request request, ResponseMatcher matcher)
            throws IOException, InterruptedException {
        String body = matcher.substitute(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + encode(matcher.substitute(request.target()))))
                .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        request.headers().forEach((name, value) -> builder.header(name, matcher.substitute(value)));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> differences(HttpExample example, HttpResponse<String> response,
                                            ResponseMatcher matcher) {
        List<String> differences = new ArrayList<>();
        if (response.statusCode() != example.response().status()) {
            differences.add("status: expected " + example.response().status() + ", was " + response.statusCode());
            return differences;
        }
        if (example.response().ndjson()) {
            differences.addAll(ndjsonDifferences(example, response, matcher));
        } else {
            differences.addAll(jsonDifferences(example, response, matcher));
        }
        if (differences.isEmpty()) {
            example.response().headers().forEach((name, value) -> differences.addAll(matcher.compareText(
                    "header " + name, value, response.headers().firstValue(name).orElse("(missing)"))));
        }
        return differences;
    }

    private static List<String> jsonDifferences(HttpExample example, HttpResponse<String> response,
                                                ResponseMatcher matcher) {
        JsonNode expected = json(example.response().body());
        JsonNode actual = response.body() == null || response.body().isBlank() ? null : json(response.body());
        if (expected == null) {
            return actual == null ? List.of() : List.of("body: none documented, was " + response.body());
        }
        return matcher.compare(expected, actual);
    }

    /** As many lines as documented, each compared like a JSON body (the lines are the elements of "$"). */
    private static List<String> ndjsonDifferences(HttpExample example, HttpResponse<String> response,
                                                  ResponseMatcher matcher) {
        try {
            return matcher.compare(NdJson.parse(example.response().body()), NdJson.parse(response.body()))
                    .stream().map(d -> "NDJSON lines " + d).toList();
        } catch (IllegalArgumentException e) {
            return List.of("body: " + e.getMessage());
        }
    }

    /**
     * A stream stays open: its status and headers, then as many lines as documented, compared as text; then it is
     * closed.
     */
    private List<String> eventStreamDifferences(String base, HttpExample example, ResponseMatcher matcher)
            throws IOException, InterruptedException {
        HttpExample.Request request = example.request();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + encode(matcher.substitute(
                request.target())))).timeout(Duration.ofSeconds(10)).GET();
        request.headers().forEach((name, value) -> builder.header(name, matcher.substitute(value)));
        HttpResponse<Stream<String>> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            List<String> differences = new ArrayList<>();
            if (response.statusCode() != example.response().status()) {
                return List.of("status: expected " + example.response().status() + ", was " + response.statusCode());
            }
            example.response().headers().forEach((name, value) -> differences.addAll(matcher.compareText(
                    "header " + name, value, response.headers().firstValue(name).orElse("(missing)"))));
            List<String> expected = example.response().body().lines().toList();
            List<String> actual = lines.limit(expected.size()).toList();
            if (!actual.equals(expected)) {
                differences.add("stream: expected the lines " + expected + ", was " + actual);
            }
            return differences;
        }
    }

    /** Query values are written readably in the docs ({@code $filter=status eq 'Pending'}) and encoded here. */
    private static String encode(String target) {
        int query = target.indexOf('?');
        if (query < 0) {
            return target;
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : target.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            parameters.add(equals < 0 ? parameter : parameter.substring(0, equals + 1)
                    + URLEncoder.encode(parameter.substring(equals + 1), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return target.substring(0, query) + "?" + String.join("&", parameters);
    }

    private JsonNode openApi(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return json(response.body());
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private static String pretty(String body) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
        } catch (IOException | RuntimeException e) {
            return body;
        }
    }
}
