package dev.cordon.standalone.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What the gateway refuses, so that a few clients cannot hold what every other client needs. */
class GatewayProtectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISOLATE = "POST /api/machines/abc/isolate HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\n";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Upstreams upstreams = new Upstreams();
    private final List<Socket> sockets = new ArrayList<>();
    private FakeService commandSide;
    private FakeService querySide;
    private RunningGateway gateway;

    @BeforeEach
    void startServices() {
        commandSide = new FakeService("command");
        querySide = new FakeService("query");
        upstreams.set(commandSide.uri(), querySide.uri());
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        commandSide.close();
        querySide.close();
    }

    private void start(GatewayProperties settings) {
        gateway = new RunningGateway(upstreams, settings);
    }

    private Socket connect(String sourceAddress) {
        Socket socket = RawHttp.connect(sourceAddress, gateway.port());
        sockets.add(socket);
        return socket;
    }

    @Test
    void aBodyOverTheCap_isA413InTheErrorShape_beforeAnyOfItIsRead_andTheServiceNeverSeesIt() throws Exception {
        start(GatewayProperties.defaults());
        Socket socket = connect("127.0.0.1");
        RawHttp.send(socket, ISOLATE + "X-Request-ID: big-1\r\nContent-Length: " + (2 * 1024 * 1024 + 1) + "\r\n\r\n{");

        RawHttp.Answer answer = RawHttp.read(socket, true);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Connection")).isEqualTo("close");
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("PayloadTooLarge");
        assertThat(error.get("target").asText()).isEqualTo("big-1");
        assertThat(commandSide.received.get()).isNull();
    }

    @Test
    void aChunkedBodyThatGrowsOverTheCap_isA413_andTheServiceNeverSeesIt() throws Exception {
        start(new GatewayProperties(DataSize.ofBytes(1000), null, 0, 0, 0));
        Socket socket = connect("127.0.0.1");
        String chunk = "x".repeat(600);
        RawHttp.send(socket, ISOLATE + "Transfer-Encoding: chunked\r\n\r\n"
                + "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n");

        RawHttp.Answer answer = RawHttp.read(socket, true);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"PayloadTooLarge\"");
        assertThat(commandSide.received.get()).isNull();
    }

    /** curl asks so for any body over 1 KB: without the interim answer it waits a second before sending. */
    @Test
    void aClientThatExpects100Continue_getsIt_andItsBodyReachesTheService() throws Exception {
        start(GatewayProperties.defaults());
        Socket socket = connect("127.0.0.1");
        String body = "{\"Comment\":\"" + "c".repeat(2000) + "\"}";
        RawHttp.send(socket, ISOLATE + "Expect: 100-continue\r\nConnection: close\r\nContent-Length: " + body.length()
                + "\r\n\r\n");

        assertThat(RawHttp.read(socket, false).status()).isEqualTo(100);
        RawHttp.send(socket, body);
        assertThat(RawHttp.read(socket, true).status()).isEqualTo(201);
        assertThat(commandSide.received.get().body()).isEqualTo(body);
        assertThat(commandSide.received.get().header("Expect")).isNull();
    }

    /** A large bulk body under the cap that the service refuses: its own 400, not a 503 "not reachable". */
    @Test
    void theServicesOwn400_onAnInvalidBodyOf1point5MB_isPassedThroughAsItIs() throws Exception {
        start(GatewayProperties.defaults());
        String invalid = "[" + "\"38b22184fc2ac84711103b1e24d1589c11e2d0fa\",".repeat(36_000) + "]";
        assertThat(invalid.length()).isBetween(1_400_000, 1_600_000);

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.url("/api/machines/isolate"))
                    .POST(HttpRequest.BodyPublishers.ofString(invalid)).header("Content-Type", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"InvalidRequestBody\"", "from command");
        }
        assertThat(commandSide.received.get().body()).hasSize(invalid.length());
    }

    @Test
    void aBodyThatDoesNotArriveInTime_isA408_itsConnectionIsClosed_andItsClientsSlotIsFree() throws Exception {
        start(new GatewayProperties(null, Duration.ofSeconds(2), 1, 0, 0));
        Socket slow = connect("127.0.0.2");
        RawHttp.send(slow, ISOLATE + "X-Request-ID: slow-1\r\nContent-Length: 100\r\n\r\n{");

        RawHttp.Answer answer = RawHttp.read(slow, true);

        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.body()).contains("\"code\":\"RequestTimeout\"", "\"target\":\"slow-1\"");
        assertThat(slow.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        assertThat(commandSide.received.get()).isNull();
        Socket next = connect("127.0.0.2");
        RawHttp.send(next, ISOLATE + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(RawHttp.read(next, true).status()).as("the slow client's one slot, free again").isEqualTo(201);
    }

    @Test
    void aClientPastItsLimitOfRequestsInFlight_isA429_otherClientsAreServed() throws Exception {
        start(new GatewayProperties(null, null, 2, 0, 0));
        // One after the other, so that the third is the one past the limit: each slow body holds its slot.
        for (int i = 0; i < 2; i++) {
            Socket held = connect("127.0.0.2");
            RawHttp.send(held, ISOLATE + "Content-Length: 100\r\n\r\n{");
            held.setSoTimeout(3000);
            assertThatThrownBy(() -> RawHttp.read(held, false)).as("request " + (i + 1) + " is held, not answered")
                    .isInstanceOf(SocketTimeoutException.class);
        }
        Socket third = connect("127.0.0.2");
        RawHttp.send(third, ISOLATE + "Content-Length: 100\r\n\r\n{");
        RawHttp.Answer refused = RawHttp.read(third, true);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.body()).contains("\"code\":\"TooManyRequests\"");
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(gateway.url("/api/machineactions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(201);
    }

    /** Heads never finished hold connections that no request limit counts: the connection limit does. */
    @Test
    void aClientPastItsLimitOfOpenConnections_isClosedAsItConnects_otherClientsAreServed() throws Exception {
        start(new GatewayProperties(null, null, 0, 0, 3));
        List<Socket> unfinished = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket socket = connect("127.0.0.4");
            RawHttp.send(socket, "GET /api/machineactions HTTP/1.1\r\nHo");
            unfinished.add(socket);
        }

        assertThat(closedByTheGateway(connect("127.0.0.4"))).as("the fourth connection").isTrue();
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(gateway.url("/api/machineactions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(201);

        unfinished.get(0).close();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Socket again = connect("127.0.0.4");
            RawHttp.send(again, "GET /api/machineactions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.read(again, true).status()).isEqualTo(201);
        });
    }

    private static boolean closedByTheGateway(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void changeStreamsPastTheirLimit_areA503WithRetryAfter_andAClosedOneMakesRoom() throws Exception {
        start(new GatewayProperties(null, null, 0, 2, 0));
        Socket first = openStream("/api/changes");
        openStream("/dashboard/api/changes");

        Socket third = connect("127.0.0.3");
        RawHttp.send(third, "GET /api/changes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        RawHttp.Answer refused = RawHttp.read(third, true);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("ServiceUnavailable");
        HttpResponse<String> ordinary = client.send(HttpRequest.newBuilder(gateway.url("/api/machineactions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ordinary.statusCode()).as("other reads are not limited").isEqualTo(201);

        first.close();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(openStreamStatus()).isEqualTo(200));
        // The stream whose client left was ended at the service too, not left open behind the gateway.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(querySide.openChangeStreams).hasValue(2));
    }

    private Socket openStream(String path) throws IOException {
        Socket socket = connect("127.0.0.3");
        RawHttp.send(socket, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(RawHttp.read(socket, false).status()).isEqualTo(200);
        String line;
        do {
            line = RawHttp.readLine(socket);
        } while (line != null && !line.startsWith("data:"));
        assertThat(line).as("the first event arrives").isEqualTo("data: {}");
        return socket;
    }

    private int openStreamStatus() throws IOException {
        Socket socket = connect("127.0.0.3");
        RawHttp.send(socket, "GET /api/changes HTTP/1.1\r\nHost: x\r\n\r\n");
        return RawHttp.read(socket, false).status();
    }
}
