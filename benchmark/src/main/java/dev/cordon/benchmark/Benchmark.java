package dev.cordon.benchmark;

import dev.cordon.benchmark.pgbench.PgBench;
import dev.cordon.benchmark.pgbench.Script;
import dev.cordon.benchmark.postgres.LocalPostgres;
import dev.cordon.benchmark.report.Stats;
import dev.cordon.benchmark.report.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./cordon.sh bench [--smoke] [--no-h2]}: the pgbench baselines, then Cordon through the standalone
 * launcher on PostgreSQL and on its embedded default, one table at the end (docs/performance.md).
 */
public final class Benchmark {

    private final Plan plan;
    private final Path launcherJar;
    private final LocalPostgres postgres;
    private final PrintStream out;
    private final List<String> errors = new ArrayList<>();

    Benchmark(Plan plan, Path launcherJar, LocalPostgres postgres, PrintStream out) {
        this.plan = plan;
        this.launcherJar = launcherJar;
        this.postgres = postgres;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        // As Cordon's own JVMs do (ServiceDefaults): idle connections to the gateway closed before its Tomcat closes
        // them (60 s), so that no request of the benchmark is sent on a connection being closed.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "30");
        }
        Plan plan;
        try {
            plan = Plan.fromArguments(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path jar = Path.of(System.getProperty("cordon.standalone.jar", "standalone/target/cordon.jar"))
                .toAbsolutePath();
        System.exit(new Benchmark(plan, jar, LocalPostgres.fromEnvironment(), System.out).run());
    }

    /** @return the exit status: 0 when every figure was measured and every command accepted */
    int run() throws IOException {
        Path work = Files.createTempDirectory("cordon-bench-");
        // Databases of this run's own names, so that two runs (a person's and CI's) never meet.
        String suffix = Long.toString(ProcessHandle.current().pid());
        Table table = new Table();
        String loadBefore = loadAverage();
        log("load average before: " + loadBefore);
        Map<Integer, Baseline> baselines = new HashMap<>();
        log("pgbench baselines");
        try (PgBench pgbench = PgBench.prepare(postgres, "bench_pgbench_" + suffix, work);
             OnInterrupt cleanUp = new OnInterrupt(pgbench::close)) {
            for (Script script : List.of(Script.EVENT_APPEND, Script.COMMAND_SHAPED)) {
                for (int clients : plan.clients()) {
                    List<Double> tps = new ArrayList<>();
                    for (int i = 0; i < plan.repetitions(); i++) {
                        tps.add(pgbench.run(script, clients, plan.phase()));
                    }
                    Baseline baseline = baselines.computeIfAbsent(clients, c -> new Baseline());
                    double median = Stats.median(tps);
                    if (script == Script.EVENT_APPEND) {
                        baseline.append = median;
                    } else {
                        baseline.command = median;
                    }
                    table.add(script == Script.EVENT_APPEND ? Figures.pgbenchAppend(clients)
                            : Figures.pgbenchCommand(clients), StoreRun.format("%.0f tps", median) + runs(tps),
                            "-", null);
                }
            }
            // What the rebuild rows stand beside: one client writing 100-row transactions.
            List<Double> rows = new ArrayList<>();
            for (int i = 0; i < plan.repetitions(); i++) {
                rows.add(pgbench.run(Script.HUNDRED_ROWS, 1, plan.phase()) * 100);
            }
            baselines.computeIfAbsent(1, c -> new Baseline()).hundredRows = Stats.median(rows);
            table.add(Figures.pgbenchHundredRows(), StoreRun.format("%.0f rows/s", Stats.median(rows)) + runs(rows),
                    "-", null);
        } catch (RuntimeException e) {
            errors.add("pgbench: " + e.getMessage());
        }
        for (Store store : plan.stores()) {
            log("Cordon on " + store.label());
            try {
                new StoreRun(plan, store, launcherJar, postgres, work.resolve(store.name().toLowerCase()), suffix,
                        baselines, this::log).measure(table, errors);
            } catch (RuntimeException e) {
                errors.add(store.label() + ": " + e.getMessage());
            }
        }
        // The machine may be shared: the load average says how much of it the figures had.
        table.print(out, "Cordon benchmark (" + (plan.smoke() ? "smoke: tiny loads, the figures mean nothing"
                : "full") + "), " + Runtime.getRuntime().availableProcessors() + " cores, load average before "
                + loadBefore + ", after " + loadAverage());
        if (errors.isEmpty()) {
            // The launchers' data (events, the broker's log, the token service's keys) is of no use after the run.
            deleteRecursively(work);
            out.println("Benchmark finished: " + table.size() + " of " + plan.figures().size() + " rows, no errors");
            return table.size() == plan.figures().size() ? 0 : 1;
        }
        out.println("Benchmark finished with errors (the launchers' logs are in " + work + "):");
        errors.forEach(e -> out.println("  " + e));
        return 1;
    }

    private static String runs(List<Double> values) {
        return values.size() < 2 ? "" : " (runs " + values.stream().map(v -> StoreRun.format("%.0f", v))
                .reduce((a, b) -> a + ", " + b).orElse("") + ")";
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The 1, 5 and 15 minute load averages, as uptime shows them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void log(String message) {
        out.println("[bench] " + message);
        out.flush();
    }

    /** The pgbench rates at one client count: the single append and the command-shaped transaction. */
    static final class Baseline {
        double append = Double.NaN;
        double command = Double.NaN;
        /** Rows/s of 100-row transactions (kept at one client). */
        double hundredRows = Double.NaN;
    }
}
