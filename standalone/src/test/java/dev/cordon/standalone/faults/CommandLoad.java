package dev.cordon.standalone.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady load of isolate and release through the base URL, one thread per device, each alternating the two: every
 * answer counted by status, every 201's action recorded with when it was answered.
 */
final class CommandLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An action a 201 answered. */
    record Accepted(String actionId, String device, Instant at) {
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> unanswered = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean running = true;

    CommandLoad(URI base, String token, List<String> devices, Duration pause) {
        this.base = base;
        this.token = token;
        for (String device : devices) {
            Thread worker = new Thread(() -> run(device, pause), "load-" + device.substring(0, 8));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    private void run(String device, Duration pause) {
        boolean isolate = true;
        while (running) {
            if (isolate) {
                send(device, "isolate", "{\"Comment\":\"fault suite\",\"IsolationType\":\"Full\"}");
            } else {
                send(device, "unisolate", "{\"Comment\":\"fault suite\"}");
            }
            isolate = !isolate;
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(String device, String verb, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/machines/" + device + "/" + verb))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        requests.incrementAndGet();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            byStatus.computeIfAbsent(answer.statusCode(), status -> new AtomicInteger()).incrementAndGet();
            if (answer.statusCode() == 201) {
                JsonNode action = JSON.readTree(answer.body());
                accepted.add(new Accepted(action.get("id").asText(), device, Instant.now()));
            }
        } catch (IOException e) {
            unanswered.computeIfAbsent(e.getClass().getSimpleName(), name -> new AtomicInteger()).incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** Requests sent, 201s, and every other answer by status (and those with none, by exception). */
    String figures() {
        StringBuilder text = new StringBuilder("requests " + requests.get() + ", 201s " + accepted.size());
        byStatus.forEach((status, count) -> {
            if (status != 201) {
                text.append(", ").append(status).append(": ").append(count.get());
            }
        });
        unanswered.forEach((exception, count) -> text.append(", no answer (").append(exception).append("): ")
                .append(count.get()));
        return text.toString();
    }

    Map<Integer, AtomicInteger> byStatus() {
        return byStatus;
    }

    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(40).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
