package dev.cordon.query.support;

import dev.cordon.service.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A test's subscriber to {@code GET /api/changes}: reads the stream line by line on a thread of its own, as a
 * browser's EventSource would, keeping the raw lines and the events they make up.
 */
public final class SseClient implements AutoCloseable {

    /** One dispatched event: its {@code event:} name and its {@code data:}. */
    public record Event(String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects; the answer's status and headers are there once this returns, the events follow. */
    public static SseClient connect(String baseUrl) {
        return connect(baseUrl, TestIssuer.bearer());
    }

    /** @param authorization the {@code Authorization} header's value: another caller than the tests' usual one */
    public static SseClient connect(String baseUrl, String authorization) {
        try {
            return new SseClient(HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/changes"))
                    .header("Accept", "text/event-stream").header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofLines()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Every line read so far, comments and blank lines included. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The next event, whatever it is. */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + timeout + "; lines so far: " + lines);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event that matches, skipping others (changes of other tests' devices). */
    public Event next(Predicate<Event> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No matching event within " + timeout + "; skipped " + skipped);
            }
            Event event = next(Duration.ofNanos(left));
            if (matching.test(event)) {
                return event;
            }
            skipped.add(event);
        }
    }

    /** Events that arrived and have not been taken. */
    public List<Event> drain() {
        List<Event> left = new ArrayList<>();
        events.drainTo(left);
        return left;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }

    private void read() {
        String name = "message";
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                lines.add(line);
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data = null;
                } else if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring("data: ".length()));
                }
            }
        } catch (RuntimeException e) {
            // closed by the test, or by the server
        }
    }
}
