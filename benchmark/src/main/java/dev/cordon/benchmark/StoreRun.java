package dev.cordon.benchmark;

import dev.cordon.benchmark.cpu.CpuSnapshot;
import dev.cordon.benchmark.cpu.ProcessCpu;
import dev.cordon.benchmark.history.LongHistory;
import dev.cordon.benchmark.launcher.StandaloneLauncher;
import dev.cordon.benchmark.load.AgentReports;
import dev.cordon.benchmark.load.BulkIsolation;
import dev.cordon.benchmark.load.ChangeStream;
import dev.cordon.benchmark.load.ClosedLoop;
import dev.cordon.benchmark.load.CordonApi;
import dev.cordon.benchmark.load.Devices;
import dev.cordon.benchmark.load.OpenLoop;
import dev.cordon.benchmark.postgres.LocalPostgres;
import dev.cordon.benchmark.rebuild.RebuildPhase;
import dev.cordon.benchmark.report.Stats;
import dev.cordon.benchmark.report.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Cordon on one database mode: the launcher started fresh, the closed-loop and open-loop phases, then stopped. */
final class StoreRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    /** Registration is not what is measured; a few connections fill the device pool without swamping the stack. */
    private static final int REGISTRATION_CONNECTIONS = 16;
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(5);

    private final Plan plan;
    private final Store store;
    private final Path jar;
    private final LocalPostgres postgres;
    private final Path work;
    private final List<String> databases;
    private final Map<Integer, Benchmark.Baseline> baselines;
    private final Consumer<String> log;

    StoreRun(Plan plan, Store store, Path jar, LocalPostgres postgres, Path work, String suffix,
            Map<Integer, Benchmark.Baseline> baselines, Consumer<String> log) {
        this.plan = plan;
        this.store = store;
        this.jar = jar;
        this.postgres = postgres;
        this.work = work;
        this.databases = store.postgres()
                ? List.of("bench_events_" + suffix, "bench_query_" + suffix) : List.of();
        this.baselines = baselines;
        this.log = log;
    }

    void measure(Table table, List<String> errors) {
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        databases.forEach(postgres::dropDatabase);
        long starting = System.nanoTime();
        try (StandaloneLauncher launcher = StandaloneLauncher.start(jar, work, environment());
             OnInterrupt cleanUp = new OnInterrupt(() -> {
                 launcher.close();
                 databases.forEach(postgres::dropDatabase);
             })) {
            URI base = launcher.awaitReady(READY_TIMEOUT);
            // What a user waits for after ./cordon.sh run's build: the JVM options change it as much as throughput.
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            table.add(Figures.ready(store), format("%.1f s", startSeconds), "-", null);
            log.accept(format("ready at %s after %.1f s", base, startSeconds));
            StandaloneLauncher.ClientSecret client = launcher.addClient("cordon-benchmark", "Machine.Isolate",
                    "Machine.Read.All", "Machine.ReadWrite.All");
            CordonApi api = CordonApi.signIn(base, launcher.tokenUrl(), client.clientId(), client.clientSecret());
            ProcessCpu cpu = new ProcessCpu(launcher.handle(),
                    store == Store.H2 ? "gateway + H2" : ProcessCpu.GATEWAY,
                    () -> databases.isEmpty() ? List.of() : postgres.backendsOf(databases));
            // Actions the run has left open so far: no agent acts on the benchmark's devices.
            int open = 0;
            if (!plan.warmUp().isZero()) {
                log.accept("warming up for " + plan.warmUp().toSeconds() + " s");
                // In rounds of at most WARM_UP_ROUND, each with the devices it needs: a long warm-up (--warm-up)
                // does not register tens of thousands of devices first. Registering warms the command path too.
                long end = System.nanoTime() + plan.warmUp().toNanos();
                for (long left = plan.warmUp().toNanos(); left > 0; left = end - System.nanoTime()) {
                    Duration round = Duration.ofNanos(Math.min(left, WARM_UP_ROUND.toNanos()));
                    int devices = (int) Math.max(1, plan.expectedRate() * round.toMillis() / 1000);
                    open += ClosedLoop.isolate(api, Devices.register(api, devices, REGISTRATION_CONNECTIONS),
                            plan.clients().get(0), round).accepted();
                }
            }
            Double earlyReports = null;
            if (store.openLoop()) {
                earlyReports = measureAgentReports(launcher, api, cpu, open, null, table, errors);
            }
            double estimate = plan.expectedRate();
            for (int connections : plan.clients()) {
                List<Double> rates = new ArrayList<>();
                List<Map<String, Double>> cpus = new ArrayList<>();
                int refused = 0;
                for (int i = 0; i < plan.repetitions(); i++) {
                    int needed = (int) Math.ceil(estimate * 1.3 * plan.phase().toMillis() / 1000) + connections;
                    Queue<String> devices = Devices.register(api, needed, REGISTRATION_CONNECTIONS);
                    CpuSnapshot before = cpu.snapshot();
                    ClosedLoop.Outcome outcome = ClosedLoop.isolate(api, devices, connections, plan.phase());
                    cpus.add(ProcessCpu.perCommand(before, cpu.snapshot(), outcome.accepted()));
                    rates.add(outcome.perSecond());
                    open += outcome.accepted();
                    refused += outcome.refused().values().stream().mapToInt(Integer::intValue).sum();
                    if (!outcome.refused().isEmpty()) {
                        errors.add(Figures.isolate(store, connections) + ": refused " + outcome.refused());
                    }
                    estimate = Math.max(estimate, outcome.perSecond());
                    log.accept(format("%d connections: %.0f isolates/s", connections, outcome.perSecond()));
                }
                double median = Stats.median(rates);
                Benchmark.Baseline baseline = baselines.getOrDefault(connections, new Benchmark.Baseline());
                table.add(Figures.isolate(store, connections), format("%.0f/s", median) + runs(rates)
                                + (refused > 0 ? ", " + refused + " refused" : ""),
                        format("%.2fx command-shaped, %.2fx single append", median / baseline.command,
                                median / baseline.append), medianByRole(cpus));
            }
            for (int rate : store.openLoop() ? plan.rates() : List.<Integer>of()) {
                Queue<String> devices = Devices.register(api, (int) (rate * plan.openLoop().toMillis() / 1000),
                        REGISTRATION_CONNECTIONS);
                try (ChangeStream changes = ChangeStream.open(api, Duration.ofSeconds(30))) {
                    CpuSnapshot before = cpu.snapshot();
                    OpenLoop.Outcome outcome = OpenLoop.run(api, changes, devices, rate, plan.openLoop(),
                            plan.smoke() ? Duration.ofSeconds(20) : Duration.ofSeconds(60));
                    Map<String, Double> perCommand = ProcessCpu.perCommand(before, cpu.snapshot(),
                            outcome.accepted());
                    open += outcome.accepted();
                    if (outcome.refused() > 0) {
                        errors.add(Figures.visible(store, rate) + ": " + outcome.refused() + " of " + outcome.sent()
                                + " not accepted");
                    }
                    String result = outcome.latenciesNanos().isEmpty() ? "no change seen"
                            : format("p50 %.0f ms, p99 %.0f ms", Stats.percentile(outcome.latenciesNanos(), 50) / 1e6,
                            Stats.percentile(outcome.latenciesNanos(), 99) / 1e6);
                    String counts = format(" (%d sent in %.1f s, %d accepted, %d not seen)", outcome.sent(),
                            outcome.sending().toMillis() / 1000.0, outcome.accepted(), outcome.unseen());
                    table.add(Figures.visible(store, rate), result + counts, "-", perCommand);
                    log.accept(rate + "/s open loop: " + result);
                }
            }
            if (!store.openLoop()) {
                // The C1 comparison measures the closed loop only.
                return;
            }
            open += measureBulk(api, cpu, table, errors);
            measureAgentReports(launcher, api, cpu, open, earlyReports, table, errors);
            if (store == Store.POSTGRESQL) {
                log.accept("long history: " + plan.longHistoryEvents() + " events on one device");
                try {
                    new LongHistory(api, postgres.serverUrl() + databases.get(0), postgres.user(),
                            plan.longHistoryEvents(), plan.longHistorySamples(), log).measure(store.label(), table,
                            errors);
                } catch (RuntimeException e) {
                    errors.add("long history: " + e.getMessage());
                }
            }
            RebuildPhase.measure(launcher, base, api, cpu, store, plan.rebuildDevices(),
                    baselines.getOrDefault(1, new Benchmark.Baseline()).hundredRows, plan.rebuildTimeout(), table,
                    errors, log);
        } finally {
            databases.forEach(postgres::dropDatabase);
        }
    }

    /**
     * Agents' reports on fresh devices' actions, with {@code open} other actions open; beside {@code early} (the
     * first measurement's p50, ms) when given.
     * @return the p50 in milliseconds, or null when the phase failed
     */
    private Double measureAgentReports(StandaloneLauncher launcher, CordonApi api, ProcessCpu cpu, int open,
                                       Double early, Table table, List<String> errors) {
        String figure = Figures.agentReports(store, early == null);
        try {
            AgentReports.Prepared prepared = AgentReports.prepare(api, launcher, launcher.tokenUrl(),
                    plan.agentReportDevices());
            CpuSnapshot before = cpu.snapshot();
            List<Long> latencies = prepared.report();
            Map<String, Double> perReport = ProcessCpu.perCommand(before, cpu.snapshot(), latencies.size());
            double p50 = Stats.percentile(latencies, 50) / 1e6;
            double p99 = Stats.percentile(latencies, 99) / 1e6;
            String result = format("p50 %.1f ms, p99 %.1f ms (%d reports, one at a time; %d other actions open)", p50,
                    p99, latencies.size(), open);
            table.add(figure, result, early == null ? "-" : format("%.2fx the early row at p50", p50 / early),
                    perReport);
            log.accept(figure + ": " + result);
            return p50;
        } catch (RuntimeException e) {
            errors.add(figure + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * One bulk of fresh devices: until all accepted, until all listed; CPU per target command.
     * @return the actions it opened
     */
    private int measureBulk(CordonApi api, ProcessCpu cpu, Table table, List<String> errors) {
        Queue<String> devices = Devices.register(api, plan.bulkSize(), REGISTRATION_CONNECTIONS);
        CpuSnapshot before = cpu.snapshot();
        BulkIsolation.Outcome outcome = BulkIsolation.run(api, devices, Duration.ofMinutes(plan.smoke() ? 1 : 5));
        Map<String, Double> perCommand = ProcessCpu.perCommand(before, cpu.snapshot(), outcome.accepted());
        if (outcome.accepted() != outcome.targets()) {
            errors.add(Figures.bulk(store, plan.bulkSize()) + ": " + outcome.accepted() + " of " + outcome.targets()
                    + " accepted");
        }
        String result = format("%.2f s / %s", outcome.allAccepted().toMillis() / 1000.0, outcome.visible()
                .map(d -> format("%.2f s", d.toMillis() / 1000.0)).orElse("not listed by bulkActionId"));
        table.add(Figures.bulk(store, plan.bulkSize()), result, "-", perCommand);
        log.accept("bulk of " + plan.bulkSize() + ": " + result);
        return outcome.accepted();
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("CORDON_DATA_DIR", work.resolve("data").toString());
        // The benchmark is one client sending thousands of commands a minute; the limits protect a real system.
        environment.put("CORDON_RATE_LIMIT_MACHINE_ACTIONS_PER_MINUTE", "100000000");
        environment.put("CORDON_RATE_LIMIT_MACHINE_ACTIONS_PER_HOUR", "1000000000");
        // Only fresh devices are measured; no demo devices, no agent acting on them.
        environment.put("CORDON_DEMO_SEED_DEVICES", "false");
        environment.put("CORDON_AGENT_SIMULATION_ENABLED", "false");
        environment.putAll(store.environment());
        if (store.postgres()) {
            environment.put("CORDON_DATABASE_URL", postgres.serverUrl());
            environment.put("CORDON_DATABASE_USER", postgres.user());
            environment.put("CORDON_EVENTSTORE_DB_NAME", databases.get(0));
            environment.put("CORDON_QUERY_DB_NAME", databases.get(1));
        }
        return environment;
    }

    private static Map<String, Double> medianByRole(List<Map<String, Double>> runs) {
        Map<String, List<Double>> byRole = new TreeMap<>();
        runs.forEach(run -> run.forEach((role, ms) -> byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(ms)));
        Map<String, Double> medians = new TreeMap<>();
        byRole.forEach((role, values) -> medians.put(role, Stats.median(values)));
        return medians;
    }

    private static String runs(List<Double> values) {
        return values.size() < 2 ? "" : " (runs " + values.stream().map(v -> format("%.0f", v))
                .reduce((a, b) -> a + ", " + b).orElse("") + ")";
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
