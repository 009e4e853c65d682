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
import dev.cordon.system.docs.OpenApiContract;
import dev.cordon.system.docs.ResponseMatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * (their OpenAPI documents), and those documents are true: every answer here, the examples' and those of the calls
 * the examples do not show (a refused URL, a device never seen, an action not finished), has a status its operation
 * declares and a body valid against the declared schema ({@link OpenApiContract}).
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class ApiDocIT {

    /** Reads are eventually consistent: a documented read may take this long to come true. */
    private static final Duration READ_PATIENCE = Duration.ofSeconds(30);
    /** Strict: a body must be one JSON document (an NDJSON answer documented as JSON would otherwise pass). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The device docs/api.md's agent examples speak for. */
    private static final String DOCUMENTED_MACHINE = "4f2a9c1e0b7d4e8a9c3f5d6e7a8b9c0d1e2f3a4b";

    /** A device only the contract checks speak of, registered with nothing but what registration requires. */
    private static final String BARE_MACHINE = "0e1d2c3b4a5968778695a4b3c2d1e0f0a1b2c3d4";
    /** What the container refuses in a path before Cordon reads it: an encoded backslash, NUL and slash. */
    private static final List<String> REFUSED_SEGMENTS = List.of("a%5Cb", "a%00b", "a%2Fb");

    private static Engine engine;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Each side's OpenAPI document, as it serves it, fetched once. */
    private final Map<Route, OpenApiContract> contracts = new EnumMap<>(Route.class);
    /** Every answer that was not true to its side's document. */
    private final List<String> contractViolations = new ArrayList<>();
    private int answersChecked;

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
            holdToContract(side, "docs/api.md line " + example.line(), request.method(), request.path(), response);
            assertThat(differences).as("docs/api.md line %d: %s %s%nanswered %d %s%n", example.line(),
                    request.method(), request.target(), response.statusCode(),
                    example.response().ndjson() ? response.body() : pretty(response.body())).isEmpty();
        }
        assertTrueToTheOpenApiDocuments();
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

    /**
     * The answers the examples do not show, held to the documents: every path-variable endpoint given a segment the
     * container refuses (400 BadRequest), a device registered with nothing optional and never seen by its agent, an
     * action while it is open and once cancelled, and the errors of a missing token, a missing permission, an
     * unknown device and a query string that cannot be decoded.
     */
    @Test
    void answersTheExamplesDoNotShow_areTrueToTheOpenApiDocuments() throws Exception {
        String token = TestIssuer.get().app("Contract checks", "Machine.Isolate", "Machine.ReadWrite.All");
        for (Route side : List.of(Route.COMMAND_SIDE, Route.QUERY_SIDE)) {
            JsonNode paths = document(side).path("paths");
            for (Iterator<String> templates = paths.fieldNames(); templates.hasNext(); ) {
                String template = templates.next();
                if (!template.contains("{")) {
                    continue;
                }
                for (Iterator<String> methods = paths.path(template).fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase();
                    for (String segment : REFUSED_SEGMENTS) {
                        String path = template.replaceFirst("\\{[^}]*}", segment).replaceAll("\\{[^}]*}", "x");
                        JsonNode error = json(call(side, method, path, token, method.equals("GET") ? null : "{}", 400)
                                .body());
                        assertThat(error.at("/error/code").asText()).as(method + " " + path).isEqualTo("BadRequest");
                    }
                }
            }
        }

        String machine = "/api/machines/" + BARE_MACHINE;
        call(Route.COMMAND_SIDE, "PUT", machine, token,
                "{\"computerDnsName\": \"bare-001\", \"osPlatform\": \"Windows11\"}", 201);
        awaitRead(machine, token);
        call(Route.QUERY_SIDE, "GET", machine + "/isolationoptions", token, null, 200);
        call(Route.QUERY_SIDE, "GET", machine + "/timeline", token, null, 200);
        String actionId = json(call(Route.COMMAND_SIDE, "POST", machine + "/isolate", token,
                "{\"Comment\": \"Contract check\"}", 201).body()).path("id").asText();
        String action = "/api/machineactions/" + actionId;
        call(Route.QUERY_SIDE, "GET", action, token, null, 200);
        call(Route.COMMAND_SIDE, "GET", "/api/agent/machines/" + BARE_MACHINE + "/pendingactions",
                TestIssuer.get().agent(BARE_MACHINE), null, 200);
        call(Route.COMMAND_SIDE, "GET", machine + "/state?at=" + Instant.now().plusSeconds(1), token, null, 200);
        call(Route.COMMAND_SIDE, "GET", machine + "/history", token, null, 200);
        awaitRead("/api/machines?$filter=" + URLEncoder.encode("id eq '" + BARE_MACHINE + "'", StandardCharsets.UTF_8)
                .replace("+", "%20"), token);
        awaitRead(action, token);
        call(Route.COMMAND_SIDE, "POST", action + "/cancel", token, "{\"Comment\": \"Contract check done\"}", 200);
        call(Route.COMMAND_SIDE, "POST", action + "/cancel", token, "{\"Comment\": \"Again\"}", 400);
        call(Route.COMMAND_SIDE, "POST", machine + "/unisolate", token, "{\"Comment\": \"Not isolated\"}", 400);

        call(Route.QUERY_SIDE, "GET", machine, null, null, 401);
        call(Route.COMMAND_SIDE, "POST", machine + "/isolate", null, "{\"Comment\": \"No token\"}", 401);
        call(Route.QUERY_SIDE, "GET", machine, TestIssuer.get().app("No permission"), null, 403);
        call(Route.COMMAND_SIDE, "GET", "/api/agent/machines/" + BARE_MACHINE + "/pendingactions",
                TestIssuer.get().agent("another-machine"), null, 403);
        call(Route.QUERY_SIDE, "GET", machine, token, null, 406, "Accept", "application/xml");
        call(Route.COMMAND_SIDE, "GET", machine + "/history", token, null, 406, "Accept", "application/xml");
        call(Route.COMMAND_SIDE, "POST", machine + "/isolate", token, "Comment=text", 415, "Content-Type",
                "text/plain");
        call(Route.QUERY_SIDE, "GET", "/api/machines/unknown-machine/timeline", token, null, 404);
        call(Route.QUERY_SIDE, "GET", "/api/machines/unknown-machine/isolationoptions", token, null, 404);
        rawGet(Route.QUERY_SIDE, "/api/machines?$filter=%ZZ", token, 400);
        rawGet(Route.COMMAND_SIDE, machine + "/history?x=%ZZ", token, 400);
        assertTrueToTheOpenApiDocuments();
    }

    /**
     * One call to a side; its status must be {@code expected}, and the answer true to the side's document.
     *
     * @param headers more request headers, as name, value, name, value...
     */
    private HttpResponse<String> call(Route side, String method, String target, String token, String body,
                                      int expected, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base(side) + target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null && !List.of(headers).contains("Content-Type")) {
            builder.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, target, response.body())
                .isEqualTo(expected);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        holdToContract(side, "", method, path, response);
        return response;
    }

    /**
     * A GET sent as written, over a plain socket: a query string with an invalid percent escape, which Java's
     * HttpClient would not send, and which the services answer 400 InvalidInput rather than ignore.
     */
    private void rawGet(Route side, String target, String token, int expected) throws IOException,
            InterruptedException {
        URI base = URI.create(base(side));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.0\r\nHost: " + base.getAuthority()
                    + "\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, headersEnd).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            String contentType = Stream.of(head).filter(h -> h.toLowerCase().startsWith("content-type:"))
                    .map(h -> h.substring(h.indexOf(':') + 1).strip()).findFirst().orElse(null);
            String body = answer.substring(headersEnd + 4);
            assertThat(status).as("GET %s answered %s", target, body).isEqualTo(expected);
            holdToContract(side, "", "GET", target.substring(0, target.indexOf('?')), status, contentType, body);
        }
    }

    /** A query-side read, once it answers 200 (the read models follow the command side). */
    private void awaitRead(String target, String token) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READ_PATIENCE);
        HttpResponse<String> response;
        do {
            response = http.send(HttpRequest.newBuilder(URI.create(base(Route.QUERY_SIDE) + target))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"value\":[]")) {
                Thread.sleep(200);
            }
        } while ((response.statusCode() != 200 || response.body().contains("\"value\":[]"))
                && Instant.now().isBefore(deadline));
        assertThat(response.statusCode()).as("GET %s answered %s", target, response.body()).isEqualTo(200);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        holdToContract(Route.QUERY_SIDE, "", "GET", path, response);
    }

    private void holdToContract(Route side, String where, String method, String path, HttpResponse<String> response)
            throws IOException, InterruptedException {
        holdToContract(side, where, method, path, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    private void holdToContract(Route side, String where, String method, String path, int status,
                                String contentType, String body) throws IOException, InterruptedException {
        answersChecked++;
        contract(side).violations(method, path, status, contentType, body).forEach(violation ->
                contractViolations.add((where.isEmpty() ? "" : where + ": ") + violation
                        + (body == null || body.length() > 2_000 ? "" : "\n    answer: " + body)));
    }

    private void assertTrueToTheOpenApiDocuments() {
        System.out.printf("ApiDocIT: %d answers held to the OpenAPI documents, %d violations%n", answersChecked,
                contractViolations.size());
        assertThat(contractViolations).as("answers that are not true to their side's OpenAPI document").isEmpty();
    }

    private OpenApiContract contract(Route side) throws IOException, InterruptedException {
        OpenApiContract contract = contracts.get(side);
        if (contract == null) {
            contract = new OpenApiContract(documentPath(side), document(side));
            contracts.put(side, contract);
        }
        return contract;
    }

    private JsonNode document(Route side) throws IOException, InterruptedException {
        return openApi(base(side) + documentPath(side));
    }

    private static String documentPath(Route side) {
        return side == Route.COMMAND_SIDE ? "/v3/api-docs/command" : "/v3/api-docs/query";
    }

    private static String base(Route side) {
        return side == Route.COMMAND_SIDE ? engine.commandSideUrl() : engine.querySideUrl();
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
            holdToContract(RouteTable.route(request.method(), request.path()), "docs/api.md line " + example.line(), request.method(), request.path(),
                    response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), "(a stream)");
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
