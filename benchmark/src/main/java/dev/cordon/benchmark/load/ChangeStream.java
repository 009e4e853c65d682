package dev.cordon.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/changes} as the dashboard reads it: when each action's first {@code change} arrived. A reader
 * thread of its own parses the stream, so that a slow consumer never delays what it measures.
 */
public final class ChangeStream implements AutoCloseable {

    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile InputStream body;
    private final Thread reader;

    private ChangeStream(CordonApi api) {
        reader = new Thread(() -> read(api), "changes-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and waits for its {@code ready} event. */
    public static ChangeStream open(CordonApi api, Duration timeout) {
        ChangeStream stream = new ChangeStream(api);
        try {
            if (!stream.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stream.close();
                throw new IllegalStateException("/api/changes sent no ready event within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return stream;
    }

    /** @return System.nanoTime() of the first change that named this action, or null */
    public Long firstSeen(String actionId) {
        return firstSeenNanos.get(actionId);
    }

    private void read(CordonApi api) {
        try {
            HttpResponse<InputStream> answer = api.http().send(api.request("/api/changes")
                    .header("Accept", "text/event-stream").timeout(Duration.ofDays(1)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            body = answer.body();
            if (answer.statusCode() != 200) {
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String event = "";
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                    if (event.equals("ready")) {
                        ready.countDown();
                    }
                } else if (line.startsWith("data:") && event.equals("change")) {
                    long now = System.nanoTime();
                    JsonNode change = CordonApi.JSON.readTree(line.substring(5).trim());
                    JsonNode actionId = change.get("actionId");
                    if (actionId != null && !actionId.isNull()) {
                        firstSeenNanos.putIfAbsent(actionId.asText(), now);
                    }
                } else if (line.isEmpty()) {
                    event = "";
                }
            }
        } catch (IOException e) {
            // Closed by close(), or the server went away: either way there is nothing more to see.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // Closing is all that was wanted.
            }
        }
        reader.interrupt();
    }
}
