package dev.cordon.benchmark;

import dev.cordon.benchmark.history.LongHistory;
import dev.cordon.benchmark.rebuild.RebuildPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run measures and for how long. The smoke plan has the full plan's phases and rows with tiny loads, so
 * that CI notices when a phase stops working; its figures mean nothing.
 *
 * @param smoke       whether this is the smoke plan
 * @param phase       how long each timed closed-loop phase (pgbench and isolate) runs
 * @param repetitions how often each closed-loop phase is repeated; the table shows the median
 * @param clients     the concurrent clients (pgbench) and connections (isolate) each closed-loop figure is taken at
 * @param rates       the open-loop rates, commands per second, of the command-to-read-model latency
 * @param openLoop    how long each open-loop phase sends
 * @param warmUp      an untimed isolate phase before the first timed one, so the services' JIT has run
 * @param expectedRate isolates/s to register fresh devices for before the first timed phase (later phases use the
 *                     fastest rate seen): registering is not measured, so registering far too many only costs time
 * @param h2          whether the embedded default (H2) is measured as well as PostgreSQL
 * @param bulkSize    the devices of the one bulk isolation measured per database mode
 * @param jvmCompare  whether PostgreSQL's closed loop is measured a second time with the services and the broker on
 *                    the client compiler only (C1), beside the default JVM options
 */
public record Plan(boolean smoke, Duration phase, int repetitions, List<Integer> clients, List<Integer> rates,
        Duration openLoop, Duration warmUp, int expectedRate, boolean h2, int bulkSize, boolean jvmCompare) {

    private static final List<String> FLAGS = List.of("--smoke", "--no-h2", "--jvm-compare");
    private static final String USAGE = "usage: bench [--smoke] [--no-h2] [--jvm-compare] [--warm-up SECONDS]";

    public static Plan full(boolean h2, boolean jvmCompare) {
        return new Plan(false, Duration.ofSeconds(5), 3, List.of(16, 64), List.of(100, 300), Duration.ofSeconds(10),
                Duration.ofSeconds(5), 200, h2, 10_000, jvmCompare);
    }

    public static Plan smoke(boolean h2, boolean jvmCompare) {
        return new Plan(true, Duration.ofSeconds(1), 1, List.of(2, 4), List.of(10, 30), Duration.ofSeconds(2),
                Duration.ZERO, 20, h2, 20, jvmCompare);
    }

    /**
     * {@code [--smoke] [--no-h2] [--jvm-compare] [--warm-up SECONDS]}; a longer warm-up than the default 5 s lets the
     * optimizing JIT finish before the first timed phase, to compare warmed JVMs.
     */
    public static Plan fromArguments(List<String> args) {
        Duration warmUp = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--warm-up")) {
                warmUp = seconds(i + 1 < args.size() ? args.get(++i) : "");
            } else if (!FLAGS.contains(arg)) {
                throw new IllegalArgumentException(USAGE + "; unknown argument " + arg);
            }
        }
        boolean h2 = !args.contains("--no-h2");
        boolean jvmCompare = args.contains("--jvm-compare");
        Plan plan = args.contains("--smoke") ? smoke(h2, jvmCompare) : full(h2, jvmCompare);
        return warmUp == null ? plan : new Plan(plan.smoke, plan.phase, plan.repetitions, plan.clients, plan.rates,
                plan.openLoop, warmUp, plan.expectedRate, plan.h2, plan.bulkSize, plan.jvmCompare);
    }

    /**
     * Devices registered (two events each) before the rebuild rows, on top of what the other phases stored: the full
     * run rebuilds about 100,000 events or more, the smoke a few hundred; {@code cordon.bench.rebuild.devices} sets
     * another number (e.g. a smoke with a real history to profile the rebuild on).
     */
    public int rebuildDevices() {
        return Integer.getInteger("cordon.bench.rebuild.devices", smoke ? 50 : 50_000);
    }

    /** Fresh devices whose agents report, per agent-report row (each device's agent its own client and token). */
    public int agentReportDevices() {
        return smoke ? 3 : 100;
    }

    /** How long one rebuild may take before its row counts as failed. */
    public Duration rebuildTimeout() {
        return smoke ? Duration.ofMinutes(2) : Duration.ofMinutes(20);
    }

    private static Duration seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0 && seconds <= 3600) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Refused below.
        }
        throw new IllegalArgumentException(USAGE + "; --warm-up takes 0 to 3600 seconds, not '" + value + "'");
    }

    /** The launcher starts of the run, in order. */
    public List<Store> stores() {
        List<Store> stores = new ArrayList<>(List.of(Store.POSTGRESQL));
        if (jvmCompare) {
            stores.add(Store.POSTGRESQL_C1);
        }
        if (h2) {
            stores.add(Store.H2);
        }
        return stores;
    }

    /**
     * The events of the long-history phase's device (PostgreSQL only; docs/performance.md); the system property
     * {@code cordon.bench.long-history.events} sets another size, e.g. one a version without snapshots can prepare.
     */
    public int longHistoryEvents() {
        return Integer.getInteger("cordon.bench.long-history.events", smoke ? 50 : 10_000);
    }

    /** Calls per figure of the long-history phase ({@code cordon.bench.long-history.samples}). */
    public int longHistorySamples() {
        return Integer.getInteger("cordon.bench.long-history.samples", smoke ? 5 : 200);
    }

    /** The figures of the table, in its order: the smoke test checks that every one was printed. */
    public List<String> figures() {
        List<String> figures = new ArrayList<>();
        for (int c : clients) {
            figures.add(Figures.pgbenchAppend(c));
        }
        for (int c : clients) {
            figures.add(Figures.pgbenchCommand(c));
        }
        figures.add(Figures.pgbenchHundredRows());
        for (Store store : stores()) {
            figures.add(Figures.ready(store));
            if (store.openLoop()) {
                figures.add(Figures.agentReports(store, true));
            }
            for (int c : clients) {
                figures.add(Figures.isolate(store, c));
            }
            if (store.openLoop()) {
                for (int rate : rates) {
                    figures.add(Figures.visible(store, rate));
                }
            }
            if (!store.openLoop()) {
                // The C1 comparison measures the closed loop only.
                continue;
            }
            figures.add(Figures.bulk(store, bulkSize));
            figures.add(Figures.agentReports(store, false));
            if (store == Store.POSTGRESQL) {
                figures.addAll(LongHistory.figures(store.label(), longHistoryEvents()));
            }
            for (String source : RebuildPhase.SOURCES) {
                figures.add(Figures.rebuild(store, source));
            }
        }
        return figures;
    }
}
