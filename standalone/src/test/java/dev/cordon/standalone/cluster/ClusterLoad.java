package dev.cordon.standalone.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A steady load through the gateway, as a careful client makes it: each worker isolates, waits for the simulated
 * agent to carry it out, releases, and so on, over its own devices; every request with an Idempotency-Key of its
 * own, a failed one (5xx, 429, no answer) retried with the same key until it is answered. Every 201's action is
 * recorded with the figures of the fault being run.
 */
final class ClusterLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("Succeeded", "Failed", "Cancelled", "TimedOut");
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    /** An action a 201 returned. */
    record Accepted(String actionId, String device, String type) {
    }

    /** A command to one of the spare devices this often, whatever the read side does. */
    private static final Duration PRESSURE_INTERVAL = Duration.ofMillis(500);

    private final ClusterUnderTest cluster;
    private final List<List<String>> devicesPerWorker;
    private final List<String> spareDevices;
    /** Every action answered 201, over the whole run. */
    final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final Map<String, Boolean> isolated = new ConcurrentHashMap<>();
    private final AtomicReference<FaultFigures> figures = new AtomicReference<>(new FaultFigures("setup"));
    private final AtomicInteger nextSpare = new AtomicInteger();
    private volatile boolean running;
    private final List<Thread> workers = new ArrayList<>();

    /**
     * @param devicesPerWorker each worker's devices: a command, then a wait until the read side shows it final
     * @param spareDevices     devices that get a command in turn at a steady rate without waiting on the read side
     *                         (which a database outage stops too), each retried on its own: requests are in flight
     *                         during every fault. A device's turn comes again long after its agent has finished.
     */
    ClusterLoad(ClusterUnderTest cluster, List<List<String>> devicesPerWorker, List<String> spareDevices) {
        this.cluster = cluster;
        this.devicesPerWorker = devicesPerWorker;
        this.spareDevices = spareDevices;
    }

    void start(FaultFigures fault) {
        figures.set(fault);
        running = true;
        for (List<String> devices : devicesPerWorker) {
            Thread worker = new Thread(() -> work(devices), "cluster-load-" + workers.size());
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Thread pressure = new Thread(this::pressure, "cluster-load-pressure");
        pressure.setDaemon(true);
        workers.add(pressure);
        pressure.start();
    }

    private void pressure() {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            while (running) {
                String device = spareDevices.get(nextSpare.getAndIncrement() % spareDevices.size());
                senders.submit(() -> command(device));
                pause(PRESSURE_INTERVAL.toMillis());
            }
        } finally {
            senders.shutdown();
            try {
                senders.awaitTermination(GIVE_UP_AFTER.toMillis() + 30_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lets every worker finish its request (retries included) and its wait for the agent. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(GIVE_UP_AFTER.toMillis() + 30_000);
        }
        workers.clear();
    }

    private void work(List<String> devices) {
        while (running) {
            for (String device : devices) {
                if (!running) {
                    return;
                }
                boolean release = isolated.getOrDefault(device, false);
                String actionId = command(device);
                if (actionId == null) {
                    resync(device);
                } else if ("Succeeded".equals(awaitFinal(actionId))) {
                    isolated.put(device, !release);
                }
            }
        }
    }

    /**
     * Isolates the device or releases it, whichever its last accepted command makes next (the simulated agent fails
     * none); a spare device's next command is assumed accepted-and-done by its next turn.
     */
    private String command(String device) {
        boolean release = isolated.getOrDefault(device, false);
        String path = "/api/machines/" + device + (release ? "/unisolate" : "/isolate");
        String body = release ? "{\"Comment\":\"Released by the fault suite\"}"
                : "{\"Comment\":\"Isolated by the fault suite\",\"IsolationType\":\"Full\"}";
        String actionId = send(path, body, device, release ? "Unisolate" : "Isolate");
        if (actionId != null && spareDevices.contains(device)) {
            isolated.put(device, !release);
        }
        return actionId;
    }

    /** @return the 201's action id, or null if refused for good (a 4xx other than 429) or never answered */
    String send(String path, String body, String device, String type) {
        String key = UUID.randomUUID().toString();
        boolean failedBefore = false;
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        while (Instant.now().isBefore(deadline)) {
            FaultFigures fault = figures.get();
            fault.requests.incrementAndGet();
            HttpResponse<String> response;
            try {
                response = ClusterUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(cluster.baseUrl() + path))
                        .header("Authorization", cluster.authorization())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                fault.failure("timeout");
                failedBefore = true;
                pause(500);
                continue;
            } catch (IOException e) {
                fault.failure("no answer");
                failedBefore = true;
                pause(500);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (RuntimeException e) {
                // the token service was unreachable for a moment
                fault.failure("no token");
                failedBefore = true;
                pause(500);
                continue;
            }
            int status = response.statusCode();
            if (status == 201) {
                String actionId = actionId(response.body());
                fault.created.incrementAndGet();
                if (failedBefore) {
                    fault.createdOnRetry.incrementAndGet();
                }
                if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    fault.replayed.incrementAndGet();
                }
                accepted.put(actionId, new Accepted(actionId, device, type));
                return actionId;
            }
            fault.failure(Integer.toString(status));
            if (status >= 500 || status == 429) {
                failedBefore = true;
                pause(500);
                continue;
            }
            if (failedBefore) {
                fault.refusedAfterFailure.incrementAndGet();
                fault.note = fault.note + " [" + status + " after a failure: " + response.body() + "]";
            }
            return null;
        }
        figures.get().failure("gave up");
        return null;
    }

    private static String actionId(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            throw new AssertionError("A 201 without a JSON body: " + body, e);
        }
    }

    /** The action's status on the query side (through the gateway) once final, or its last one when giving up. */
    private String awaitFinal(String actionId) {
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            JsonNode action = cluster.get(cluster.baseUrl(), "/api/machineactions/" + actionId);
            status = action == null ? status : action.path("status").asText();
            if (status != null && FINAL.contains(status)) {
                return status;
            }
            pause(400);
        }
        return status;
    }

    /** After a refusal, the device's state as the read model has it, so the next request makes sense. */
    private void resync(String device) {
        pause(1000);
        JsonNode machine = cluster.get(cluster.baseUrl(), "/api/machines/" + device);
        if (machine != null) {
            isolated.put(device, "Isolated".equals(machine.path("isolationState").asText()));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
