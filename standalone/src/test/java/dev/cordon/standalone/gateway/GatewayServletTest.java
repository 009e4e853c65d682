package dev.cordon.standalone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.standalone.process.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway servlet in a real Tomcat, in front of two fake services. */
class GatewayServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Upstreams upstreams = new Upstreams();
    private FakeService commandSide;
    private FakeService querySide;
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        commandSide = new FakeService("command");
        querySide = new FakeService("query");
        upstreams.set(commandSide.uri(), querySide.uri());
        gateway = new RunningGateway(upstreams, GatewayProperties.defaults());
    }

    @AfterEach
    void stop() {
        gateway.close();
        commandSide.close();
        querySide.close();
    }

    @Test
    void commands_reachTheCommandSide_withMethodPathQueryAndBody_andTheAnswerComesBack() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/api/machines/abc/isolate?x=%27a%20b%27"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"c\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"echo\":{\"Comment\":\"c\"}}");
        assertThat(response.headers().firstValue("X-Upstream")).hasValue("command");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        FakeService.Received received = commandSide.received.get();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/api/machines/abc/isolate?x=%27a%20b%27");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(querySide.received.get()).isNull();
    }

    @Test
    void reads_reachTheQuerySide() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/api/machineactions?$top=1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Upstream")).hasValue("query");
        assertThat(querySide.received.get().uri()).isEqualTo("/api/machineactions?$top=1");
        assertThat(querySide.received.get().method()).isEqualTo("GET");
    }

    @Test
    void theTokenServicesUrlsOfItsTenant_reachTheTokenService_otherTenantsDoNot() throws Exception {
        try (FakeService tokenService = new FakeService("tokens")) {
            upstreams.setTokenService(tokenService.uri(), "t-1");
            for (String path : List.of("/t-1/oauth2/token", "/t-1/oauth2/v2.0/token",
                    "/t-1/v2.0/.well-known/openid-configuration", "/t-1/discovery/v2.0/keys",
                    "/common/discovery/instance", "/t-1/oauth2/v2.0/authorize", "/t-1/login",
                    "/t-1/oauth2/v2.0/logout")) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(path))
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .header("Content-Type", "application/x-www-form-urlencoded").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.headers().firstValue("X-Upstream")).as(path).hasValue("tokens");
                assertThat(tokenService.received.get().uri()).isEqualTo(path);
            }
            HttpResponse<String> otherTenant = client.send(HttpRequest.newBuilder(url("/t-2/oauth2/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(otherTenant.headers().firstValue("X-Upstream")).hasValue("query");
        }
    }

    /** A raw request: the JDK's HTTP client will not send hop-by-hop headers at all. */
    @Test
    void hopByHopAndClientForwardingHeaders_stop_forwardingHeadersAreAdded_requestIdIsKept() throws Exception {
        String request = "POST /api/machines/abc/isolate HTTP/1.1\r\n"
                + "Host: cordon.example:8080\r\n"
                + "Connection: keep-alive, X-Hop\r\n"
                + "X-Hop: only for this connection\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "TE: trailers\r\n"
                + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\n"
                + "Forwarded: host=evil.example;proto=https\r\n"
                + "X-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: https\r\n"
                + "X-Forwarded-Port: 443\r\n"
                + "X-Forwarded-Prefix: /evil\r\n"
                + "X-Forwarded-For: 10.1.2.3\r\n"
                + "X-Request-ID: playbook-run-42\r\n"
                + "Authorization: Bearer token\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 7\r\n"
                + "\r\n"
                + "{\"a\":1}";
        RawResponse response = raw(request);

        FakeService.Received received = commandSide.received.get();
        assertThat(received.body()).isEqualTo("{\"a\":1}");
        assertThat(received.header("X-Hop")).isNull();
        assertThat(received.header("Keep-Alive")).isNull();
        assertThat(received.header("TE")).isNull();
        assertThat(received.header("Proxy-Authorization")).isNull();
        assertThat(received.header("Forwarded")).isNull();
        assertThat(received.header("X-Forwarded-Port")).isNull();
        assertThat(received.header("X-Forwarded-Prefix")).isNull();
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("cordon.example:8080");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("10.1.2.3, 127.0.0.1");
        assertThat(received.header("X-Request-ID")).isEqualTo("playbook-run-42");
        assertThat(received.header("Authorization")).isEqualTo("Bearer token");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("X-Request-ID")).isEqualTo("playbook-run-42");
        assertThat(response.header("X-Custom")).isEqualTo("kept");
        // Tomcat may state its own keep-alive for the client's connection; the service's is not passed on.
        assertThat(response.header("Keep-Alive")).isNotEqualTo("timeout=5");
        assertThat(response.header("Proxy-Authenticate")).isNull();
    }

    @Test
    void aMissingOrUnusableRequestId_isReplacedByOneTheServiceAndTheClientBothSee() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/api/machines"))
                .header("X-Request-ID", "not sane!").build(), HttpResponse.BodyHandlers.ofString());

        String sent = querySide.received.get().header("X-Request-ID");
        assertThat(sent).matches("[0-9a-f-]{36}");
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue(sent);
    }

    @Test
    void serverSentEvents_arriveOneByOne_notWhenTheStreamEnds() throws Exception {
        try {
            // The service holds the second event back until the first has arrived: a buffering proxy would hang.
            BufferedReader events = CompletableFuture.supplyAsync(this::openEventStream).get(10, TimeUnit.SECONDS);
            querySide.sendSecondEvent.countDown();
            assertThat(readLine(events)).isEmpty();
            assertThat(readLine(events)).isEqualTo("data: two");
            events.close();
        } finally {
            querySide.sendSecondEvent.countDown();
        }
    }

    /** Sends the request and reads the first event: both only possible if the gateway passes each chunk on. */
    private BufferedReader openEventStream() {
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url("/api/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            assertThat(readLine(events)).isEqualTo("data: one");
            return events;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aServiceThatDoesNotAnswer_isA503InThePublicErrorShape_neverAStackTrace() throws Exception {
        upstreams.set(URI.create("http://127.0.0.1:" + FreePorts.next()), querySide.uri());

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/api/machines/abc/isolate"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("X-Request-ID", "req-7").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("req-7");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(error.get("message").asText()).isEqualTo(
                "The command side of Cordon is not reachable; try again shortly");
        assertThat(error.get("target").asText()).isEqualTo("req-7");
        assertThat(response.body()).doesNotContain("Exception", "127.0.0.1");
    }

    @Test
    void replicasOfASide_takeTurns() throws Exception {
        try (FakeService second = new FakeService("command-2")) {
            upstreams.set(List.of(commandSide.uri(), second.uri()), List.of(querySide.uri()));

            List<String> answeredBy = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answeredBy.add(isolate().headers().firstValue("X-Upstream").orElseThrow());
            }

            assertThat(answeredBy).containsExactlyInAnyOrder("command", "command-2", "command", "command-2");
        }
    }

    @Test
    void aReplicaThatRefusesConnections_costsNoRequest_andIsPassedOverThen() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + FreePorts.next());
        upstreams.set(List.of(dead, commandSide.uri()), List.of(querySide.uri()));

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = isolate();
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("X-Upstream")).hasValue("command");
        }
        assertThat(upstreams.candidates(dev.cordon.service.routing.Route.COMMAND_SIDE))
                .as("the dead replica is tried last while it is passed over").endsWith(dead);
    }

    private HttpResponse<String> isolate() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url("/api/machines/abc/isolate"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"c\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void beforeTheServicesAreUp_everyRequestIsA503ThatSaysSo() throws Exception {
        upstreams.clear();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/api/machineactions")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains("starting");
    }

    @Test
    void theServicesActuators_areNotReachableThroughTheBaseUrl() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("NotFound");
        assertThat(querySide.received.get()).isNull();
        assertThat(commandSide.received.get()).isNull();
    }

    @Test
    void aUrlTheGatewayCannotPassOn_isA400InTheErrorShape() throws Exception {
        RawResponse response = raw("GET /api/machineactions?$filter=%zz HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"InvalidInput\"");
        assertThat(querySide.received.get()).isNull();
    }

    @Test
    void aChunkedRequestBody_isStreamedToTheService() throws Exception {
        RawResponse response = raw("PUT /api/machines/abc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");

        assertThat(response.status()).isEqualTo(201);
        assertThat(commandSide.received.get().body()).isEqualTo("{\"a\":1}");
        assertThat(commandSide.received.get().method()).isEqualTo("PUT");
    }

    /** Tomcat refuses this before any servlet runs; the answer is still the public error JSON, not its HTML. */
    @Test
    void aRequestTheContainerRejects_isAnsweredInTheErrorShape() throws Exception {
        RawResponse response = raw("GET /api/machines?$filter=a|b HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":{\"code\":\"BadRequest\"").doesNotContain("<html", "Tomcat")
                .contains("\"target\":\"" + response.header("X-Request-ID") + "\"");
        assertThat(querySide.received.get()).isNull();
    }

    private URI url(String pathAndQuery) {
        return gateway.url(pathAndQuery);
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record RawResponse(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /**
     * One request on a connection of its own, which the request asks to be closed afterwards ({@code Connection:
     * close} added after the request line). Not by half-closing the socket: the gateway, as nginx, takes a client
     * that closed its side as gone.
     */
    private RawResponse raw(String request) throws IOException {
        int endOfRequestLine = request.indexOf("\r\n") + 2;
        String closing = request.substring(0, endOfRequestLine) + "Connection: close\r\n"
                + request.substring(endOfRequestLine);
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(closing.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new RawResponse(status, head, all.substring(split + 4));
        }
    }
}
