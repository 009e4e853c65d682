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
 */
public record Plan(boolean smoke, Duration phase, int repetitions, List<Integer> clients, List<Integer> rates,
        Duration openLoop, Duration warmUp, int expectedRate, boolean h2, int bulkSize) {

    public static Plan full(boolean h2) {
        return new Plan(false, Duration.ofSeconds(5), 3, List.of(16, 64), List.of(100, 300), Duration.ofSeconds(10),
                Duration.ofSeconds(5), 200, h2, 10_000);
    }

    public static Plan smoke(boolean h2) {
        return new Plan(true, Duration.ofSeconds(1), 1, List.of(2, 4), List.of(10, 30), Duration.ofSeconds(2),
                Duration.ZERO, 20, h2, 20);
    }

    /** {@code [--smoke] [--no-h2]} */
    public static Plan fromArguments(List<String> args) {
        for (String arg : args) {
            if (!arg.equals("--smoke") && !arg.equals("--no-h2")) {
                throw new IllegalArgumentException("usage: bench [--smoke] [--no-h2]; unknown argument " + arg);
            }
        }
        boolean h2 = !args.contains("--no-h2");
        return args.contains("--smoke") ? smoke(h2) : full(h2);
    }

    /**
     * Devices registered (two events each) before the rebuild rows, on top of what the other phases stored: the full
     * run rebuilds about 100,000 events or more, the smoke a few hundred.
     */
    public int rebuildDevices() {
        return smoke ? 50 : 50_000;
    }

    /** How long one rebuild may take before its row counts as failed. */
    public Duration rebuildTimeout() {
        return smoke ? Duration.ofMinutes(2) : Duration.ofMinutes(20);
    }

    public List<Store> stores() {
        return h2 ? List.of(Store.POSTGRESQL, Store.H2) : List.of(Store.POSTGRESQL);
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
            for (int c : clients) {
                figures.add(Figures.isolate(store, c));
            }
            for (int rate : rates) {
                figures.add(Figures.visible(store, rate));
            }
            figures.add(Figures.bulk(store, bulkSize));
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
