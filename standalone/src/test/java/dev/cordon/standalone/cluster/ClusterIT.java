package dev.cordon.standalone.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite on {@code ./cordon.sh cluster} (three brokers, two command sides, two query sides, the gateway) on a
 * PostgreSQL server of its own: under a steady load through the gateway, a broker, a command side and a query side are
 * killed (-9) and started again by the launcher, and PostgreSQL is stopped for 10 s. After each: no action that got a
 * 201 lost or stored twice, none stored without a 201 its client saw (or got on a retry with the same Idempotency-Key),
 * every one final on both query sides, no timeline entry twice, publishing and projecting caught up, and no 500.
 * Timings are printed, not asserted. Also the 40-way race on one device across both command sides: one 201.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ClusterIT {

    private static final Duration READY = Duration.ofMinutes(8);
    /** How long a killed child stays down before the launcher starts it again (a broker is then away about 25 s). */
    private static final Duration RESTART_DELAY = Duration.ofSeconds(15);
    private static final Duration BACK = Duration.ofMinutes(4);
    private static final Duration CONVERGE = Duration.ofMinutes(4);
    private static final int WORKERS = 8;
    private static final int DEVICES_PER_WORKER = 3;
    /** One command every 500 ms in turn: each spare device's turn comes every 30 s. */
    private static final int SPARE_DEVICES = 60;
    private static final String EVENT_STORE = "cordon_cluster_events";

    @Test
    void faults_underLoad_loseNothing_storeNothingTwice_answerNo500() throws Exception {
        Path work = Files.createTempDirectory("cordon-cluster-it-");
        Instant begin = Instant.now();
        try (PrivatePostgres postgres = PrivatePostgres.initAndStart(work);
             ClusterUnderTest cluster = ClusterUnderTest.start(work, environment(postgres), READY);
             StallMonitor monitor = new StallMonitor(cluster)) {
            System.out.printf("Cluster ready after %.1f s%n", cluster.startedIn().toMillis() / 1000.0);
            List<List<String>> devices = registerDevices(cluster, WORKERS, DEVICES_PER_WORKER, "cl-device");
            List<String> spares = registerDevices(cluster, 1, SPARE_DEVICES, "cl-spare").get(0);
            ClusterLoad load = new ClusterLoad(cluster, devices, spares);
            Convergence convergence = new Convergence(cluster, postgres, EVENT_STORE);

            List<String> races = new ArrayList<>();
            for (int race = 1; race <= 3; race++) {
                races.add(race(cluster, load, "cl-race-" + race));
            }

            List<FaultFigures> faults = new ArrayList<>();
            faults.add(underLoad(load, monitor, convergence, new FaultFigures("kill -9 broker 2"), fault -> {
                long pid = cluster.kill("kafka-2");
                fault.downMillis = cluster.awaitBack("kafka-2", pid, BACK).toMillis();
            }));
            faults.add(underLoad(load, monitor, convergence, new FaultFigures("kill -9 command side 1"), fault -> {
                long pid = cluster.kill("command side 1");
                fault.downMillis = cluster.awaitBack("command side 1", pid, BACK).toMillis();
            }));
            faults.add(underLoad(load, monitor, convergence, new FaultFigures("kill -9 query side 2"), fault -> {
                long pid = cluster.kill("query side 2");
                fault.downMillis = cluster.awaitBack("query side 2", pid, BACK).toMillis();
            }));
            faults.add(underLoad(load, monitor, convergence, new FaultFigures("stop PostgreSQL 10 s"),
                    fault -> stopPostgres(cluster, postgres, fault)));

            System.out.println("40-way races across both command sides: " + races);
            System.out.println("Faults (restart delay " + RESTART_DELAY.toSeconds() + " s):");
            faults.forEach(f -> System.out.println("  " + f));
            ClusterUnderTest.Stopped stopped = cluster.interrupt();
            System.out.printf("Ctrl-C stopped the cluster in %s; left behind: %s%n", stopped.after(),
                    stopped.leftBehind());
            System.out.printf("ClusterIT took %.0f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
            assertThat(stopped.after()).as("the launcher exited after Ctrl-C").isNotNull();
            assertThat(stopped.leftBehind()).as("children running after the launcher's exit").isEmpty();
            for (FaultFigures fault : faults) {
                assertThat(fault.failures("500")).as(fault.fault + ": 500 answers").isZero();
                assertThat(fault.acceptedWithout201).as(fault.fault + ": stored without a 201").isZero();
                assertThat(fault.refusedAfterFailure.get()).as(fault.fault + ": a retry refused after a failure"
                        + " (its first attempt applied unseen?)" + fault.note).isZero();
                assertThat(fault.lost).as(fault.fault + ": 201s not in the event store").isZero();
                assertThat(fault.duplicated).as(fault.fault + ": 201s stored twice").isZero();
                assertThat(fault.stuck).as(fault.fault + ": 201s not final on both query sides" + fault.note).isZero();
                assertThat(fault.duplicatedTimeline).as(fault.fault + ": timeline entries twice").isZero();
                assertThat(fault.convergeMillis).as(fault.fault + ": lag and backlog back to 0" + fault.note)
                        .isNotNegative();
                assertThat(fault.created.get()).as(fault.fault + ": the load went on").isPositive();
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    /** A step of the fault suite; fills the figures it measures. */
    @FunctionalInterface
    private interface Fault {
        void inject(FaultFigures figures) throws Exception;
    }

    private static FaultFigures underLoad(ClusterLoad load, StallMonitor monitor, Convergence convergence,
            FaultFigures figures, Fault fault) throws Exception {
        System.out.println("Fault: " + figures.fault + " at " + Instant.now());
        monitor.watch(figures);
        load.start(figures);
        Thread.sleep(5_000);
        fault.inject(figures);
        // A few seconds of load on the whole cluster again, before the checks.
        Thread.sleep(5_000);
        load.stop();
        monitor.watch(null);
        convergence.check(figures, load.accepted, CONVERGE);
        System.out.println("  " + figures);
        return figures;
    }

    /**
     * PostgreSQL stopped (fast shutdown) for 10 s, then started on the same data; meanwhile command side 1's readiness
     * is asked twice a second: it should answer, and DOWN, and be UP again once the database is back.
     */
    private static void stopPostgres(ClusterUnderTest cluster, PrivatePostgres postgres, FaultFigures fault) {
        Instant stopped = Instant.now();
        postgres.stop();
        long slowest = 0;
        int down = 0;
        int samples = 0;
        while (Duration.between(stopped, Instant.now()).toSeconds() < 10) {
            Instant asked = Instant.now();
            int status = cluster.readiness("command side 1");
            slowest = Math.max(slowest, Duration.between(asked, Instant.now()).toMillis());
            samples++;
            if (status == 503) {
                down++;
            }
            pause(500);
        }
        postgres.start();
        fault.downMillis = Duration.between(stopped, Instant.now()).toMillis();
        Instant started = Instant.now();
        while (!cluster.ready("command side 1") && Duration.between(started, Instant.now()).toSeconds() < 120) {
            pause(250);
        }
        fault.note = String.format(java.util.Locale.ROOT, "readiness of command side 1 while stopped: DOWN in %d of"
                        + " %d answers, slowest %d ms; UP again %.1f s after the start%s", down, samples, slowest,
                Duration.between(started, Instant.now()).toMillis() / 1000.0, fault.note);
        assertThat(down).as("readiness DOWN while the database was stopped").isPositive();
        assertThat(cluster.ready("command side 1")).as("readiness UP again").isTrue();
    }

    /**
     * 40 isolates of one device at once through the gateway, which sends them to both command sides in turn: the
     * event store's uniqueness decides, exactly one is accepted.
     */
    private static String race(ClusterUnderTest cluster, ClusterLoad load, String device) throws Exception {
        register(cluster, device);
        List<String> commandSides = cluster.instances("command side");
        // No series yet before the first isolate a command side answers.
        List<Double> before = commandSides.stream().map(cluster::isolatesAnswered)
                .map(count -> count.isNaN() ? 0.0 : count).toList();
        int contenders = 40;
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    HttpResponse<String> response = ClusterUnderTest.HTTP.send(HttpRequest.newBuilder(
                                    URI.create(cluster.baseUrl() + "/api/machines/" + device + "/isolate"))
                            .header("Authorization", cluster.authorization())
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"Comment\":\"The 40-way race\",\"IsolationType\":\"Full\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() == 201) {
                        created.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body())
                                .path("id").asText());
                    }
                    return null;
                }));
            }
            cluster.authorization(); // fetched before the start, so that the token does not serialise the race
            go.countDown();
            for (Future<?> call : calls) {
                call.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        created.forEach(id -> load.accepted.put(id, new ClusterLoad.Accepted(id, device, "Isolate")));
        List<Long> reached = new ArrayList<>();
        for (int i = 0; i < commandSides.size(); i++) {
            reached.add(Math.round(cluster.isolatesAnswered(commandSides.get(i)) - before.get(i)));
        }
        assertThat(created).as(device + ": 201s of 40 concurrent isolates " + statuses).hasSize(1);
        assertThat(statuses.keySet()).as(device + ": no 5xx in the race").allMatch(status -> status < 500);
        // Each command side's own count of isolates answered (0 where its metrics did not answer).
        assertThat(reached).as(device + ": isolates answered per command side").allMatch(count -> count > 0);
        return device + " " + new java.util.TreeMap<>(statuses) + ", per command side " + reached;
    }

    private static List<List<String>> registerDevices(ClusterUnderTest cluster, int groups, int perGroup,
            String prefix) {
        List<List<String>> perWorker = new ArrayList<>();
        for (int w = 0; w < groups; w++) {
            List<String> devices = new ArrayList<>();
            for (int d = 0; d < perGroup; d++) {
                String device = String.format(java.util.Locale.ROOT, "%s-%02d-%02d", prefix, w, d);
                register(cluster, device);
                devices.add(device);
            }
            perWorker.add(devices);
        }
        return perWorker;
    }

    private static void register(ClusterUnderTest cluster, String device) {
        String body = "{\"computerDnsName\":\"" + device + ".example.test\",\"osPlatform\":\"Windows11\"}";
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                int status = ClusterUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(cluster.baseUrl()
                                + "/api/machines/" + device)).header("Authorization", cluster.authorization())
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 201 || status == 200) {
                    return;
                }
            } catch (IOException e) {
                // once more
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            pause(500);
        }
        throw new AssertionError("Could not register " + device);
    }

    private static Map<String, String> environment(PrivatePostgres postgres) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", ClusterLauncher.PROFILE);
        env.put("CORDON_PORT", Integer.toString(freePort()));
        env.put("CORDON_DATABASE_URL", postgres.url());
        env.put("CORDON_DATABASE_USER", "postgres");
        env.put("CORDON_DATABASE_PASSWORD", "");
        env.put("CORDON_DEMO_SEED_DEVICES", "false");
        env.put("CORDON_AGENT_SIMULATION_ENABLED", "true");
        env.put("CORDON_AGENT_SIMULATION_DELAY", "1s");
        env.put("CORDON_AGENT_SIMULATION_POLL_INTERVAL", "500ms");
        env.put("CORDON_AGENT_SIMULATION_FAILURE_RATE", "0");
        // One client makes all of the load: the per-caller limits would answer it 429.
        env.put("CORDON_RATE_LIMIT_MACHINE_ACTIONS_PER_MINUTE", "100000");
        env.put("CORDON_RATE_LIMIT_MACHINE_ACTIONS_PER_HOUR", "1000000");
        // Each child is killed once: the backoff's first delay is how long it stays down.
        env.put("CORDON_RESTART_INITIAL_DELAY", RESTART_DELAY.toSeconds() + "s");
        env.put("CORDON_RESTART_MAX_DELAY", RESTART_DELAY.multipliedBy(2).toSeconds() + "s");
        env.put("CORDON_CLUSTER_STARTUP_TIMEOUT", READY.toMinutes() + "m");
        env.put("CORDON_STOP_TIMEOUT", "15s");
        return env;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
