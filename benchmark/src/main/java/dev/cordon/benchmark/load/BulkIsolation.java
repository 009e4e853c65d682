package dev.cordon.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One bulk isolation of fresh devices through the base URL ({@code POST /api/bulkactions}): how long until the
 * command side has every target's action (the bulk {@code Dispatched}, all accepted), and until the Action center
 * lists them all ({@code GET /api/machineactions?$filter=bulkActionId eq '...'}), each polled every 50 ms.
 */
public final class BulkIsolation {

    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * @param accepted how many targets had their action when the bulk was Dispatched
     * @param visible  until the Action center listed them all; empty when it did not within the timeout (or does not
     *                 know {@code bulkActionId})
     */
    public record Outcome(int targets, int accepted, Duration allAccepted, Optional<Duration> visible) {
    }

    private BulkIsolation() {
    }

    public static Outcome run(CordonApi api, Collection<String> devices, Duration timeout) {
        String body = devices.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",",
                "{\"Action\":\"Isolate\",\"Comment\":\"Cordon benchmark bulk\",\"IsolationType\":\"Full\","
                        + "\"MachineIds\":[", "]}"));
        long start = System.nanoTime();
        HttpResponse<String> answer = api.send(api.request("/api/bulkactions")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("The bulk isolation answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        String bulkId = json(answer.body()).get("id").asText();
        long deadline = start + timeout.toNanos();
        JsonNode bulk = json(answer.body());
        while (!"Dispatched".equals(bulk.get("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Bulk " + bulkId + " not dispatched within " + timeout + ": "
                        + bulk.get("counts"));
            }
            pause();
            bulk = json(api.send(api.request("/api/bulkactions/" + bulkId + "?$top=1").GET().build()).body());
        }
        Duration allAccepted = Duration.ofNanos(System.nanoTime() - start);
        int accepted = bulk.get("counts").get("accepted").asInt();
        String listed = "/api/machineactions?$top=10000&$filter=" + URLEncoder.encode("bulkActionId eq '" + bulkId
                + "'", StandardCharsets.UTF_8).replace("+", "%20");
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = api.send(api.request(listed).GET().build());
            if (page.statusCode() != 200) {
                // A query side that does not know bulkActionId yet: no figure, the rest of the run goes on.
                return new Outcome(devices.size(), accepted, allAccepted, Optional.empty());
            }
            if (json(page.body()).get("value").size() >= accepted) {
                return new Outcome(devices.size(), accepted, allAccepted,
                        Optional.of(Duration.ofNanos(System.nanoTime() - start)));
            }
            pause();
        }
        return new Outcome(devices.size(), accepted, allAccepted, Optional.empty());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return CordonApi.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
