package dev.cordon.standalone.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for one Cordon service: records the last request it got and answers with headers a proxy must
 * filter; {@code /api/events} streams two server-sent events, the second only once the test says so;
 * {@code /api/changes} is a change stream held open (a heartbeat a second) until its client leaves; a JSON body that
 * is not an object is answered 400, after reading all of it, as the services' Tomcat does (it swallows up to 2 MB).
 */
final class FakeService implements AutoCloseable {

    record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> String.join(",", e.getValue())).orElse(null);
        }
    }

    static {
        // The JDK's server writes a head and its body apart; with Nagle's algorithm on, every answer would wait for
        // the gateway's delayed ACK (40 ms), and the load test would measure that.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final AtomicReference<Received> received = new AtomicReference<>();
    final CountDownLatch sendSecondEvent = new CountDownLatch(1);
    final AtomicInteger openChangeStreams = new AtomicInteger();
    private volatile boolean closed;
    private final String name;
    private final HttpServer server;

    FakeService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        exchange.getResponseHeaders().add("X-Upstream", name);
        exchange.getResponseHeaders().add("X-Request-ID", exchange.getRequestHeaders().getFirst("X-Request-ID"));
        if (exchange.getRequestURI().getPath().equals("/api/events")) {
            streamEvents(exchange);
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/api/changes")) {
            holdChangeStream(exchange);
            return;
        }
        if ("application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type")) && !body.isEmpty()
                && !body.startsWith("{")) {
            answer(exchange, 400, "{\"error\":{\"code\":\"InvalidRequestBody\",\"message\":\"from " + name
                    + "\",\"target\":\"x\"}}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
        exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"upstream\"");
        exchange.getResponseHeaders().add("X-Custom", "kept");
        exchange.getResponseHeaders().add("Set-Cookie", "a=1");
        exchange.getResponseHeaders().add("Set-Cookie", "b=2");
        byte[] answer = ("{\"echo\":" + (body.isEmpty() ? "null" : body) + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(201, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private void streamEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                sendSecondEvent.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void holdChangeStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        openChangeStreams.incrementAndGet();
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("event: hello\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed) {
                Thread.sleep(1000);
                out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException clientLeft) {
            // the stream's end, as on the query side
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            openChangeStreams.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
    }
}
