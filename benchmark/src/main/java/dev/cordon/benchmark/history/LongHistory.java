package dev.cordon.benchmark.history;

import dev.cordon.benchmark.load.CordonApi;
import dev.cordon.benchmark.report.Stats;
import dev.cordon.benchmark.report.Table;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One device with a long history (issue 15's "long histories"): prepared through the API (registered, then tags
 * added and removed, with an isolation and its cancel every few events), then, one call at a time, an isolate on it
 * against isolates on fresh devices, {@code state?at} at random instants of its history, and its {@code history},
 * beside the raw SQL fetch of its events from the event store (JDBC, on the same server) in the same run.
 */
public final class LongHistory {

    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private final CordonApi api;
    private final String eventStoreUrl;
    private final String user;
    private final int events;
    private final int samples;
    private final Consumer<String> log;

    /**
     * @param eventStoreUrl the JDBC URL of the launcher's event store, for the raw fetch
     * @param events        the device's history, about (the smoke's is tiny)
     * @param samples       calls per figure
     */
    public LongHistory(CordonApi api, String eventStoreUrl, String user, int events, int samples,
                       Consumer<String> log) {
        this.api = api;
        this.eventStoreUrl = eventStoreUrl;
        this.user = user;
        this.events = events;
        this.samples = samples;
        this.log = log;
    }

    public static List<String> figures(String store, int events) {
        return List.of(command(store, events), stateAt(store, events), history(store, events));
    }

    public static String command(String store, int events) {
        return "long history (" + events + " events): an isolate on it vs on a fresh device, " + store;
    }

    public static String stateAt(String store, int events) {
        return "long history (" + events + " events): state?at at random instants, " + store;
    }

    public static String history(String store, int events) {
        return "long history (" + events + " events): its history, " + store;
    }

    public void measure(String store, Table table, List<String> errors) {
        String device = "bench-long-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long started = System.nanoTime();
        Instant first = prepare(device);
        log.accept(String.format(Locale.ROOT, "long history: %d events stored through the API in %.0f s", count(device),
                (System.nanoTime() - started) / 1e9));
        Instant last = Instant.now();

        List<Long> raw = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(eventStoreUrl, user, "");
             PreparedStatement fetch = c.prepareStatement("select " + COLUMNS + " from domain_event_entry"
                     + " where aggregate_identifier = ? order by sequence_number")) {
            fetch.setString(1, device);
            for (int i = 0; i < samples; i++) {
                raw.add(timed(() -> fetchRaw(fetch)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The raw fetch failed: " + e.getMessage(), e);
        }
        String rawFigures = String.format(Locale.ROOT, "raw SQL fetch of its %d events (JDBC): p50 %.1f ms, p99 %.1f ms",
                count(device), ms(Stats.percentile(raw, 50)), ms(Stats.percentile(raw, 99)));

        // Isolates, each answered before the next; a cancel (not timed) ends each one on the long device.
        List<Long> onLong = new ArrayList<>();
        List<Long> onFresh = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String fresh = "bench-fresh-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            require(api.register(fresh), 201, "register " + fresh);
            onFresh.add(timed(() -> require(api.isolate(fresh).statusCode(), 201, "isolate " + fresh)));
            String[] action = new String[1];
            onLong.add(timed(() -> {
                HttpResponse<String> isolated = api.isolate(device);
                require(isolated.statusCode(), 201, "isolate " + device + ": " + isolated.body());
                action[0] = CordonApi.actionId(isolated);
                return 201;
            }));
            cancel(action[0]);
        }
        double p50 = ms(Stats.percentile(onLong, 50));
        double freshP50 = ms(Stats.percentile(onFresh, 50));
        table.add(command(store, events), String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms; fresh device p50 %.1f"
                        + " ms, p99 %.1f ms (%d each, one at a time)", p50, ms(Stats.percentile(onLong, 99)), freshP50,
                ms(Stats.percentile(onFresh, 99)), samples), String.format(Locale.ROOT, "%.2fx a fresh device at p50,"
                + " %.2fx at p99", p50 / freshP50, ms(Stats.percentile(onLong, 99)) / ms(Stats.percentile(onFresh, 99))),
                null);

        long firstRead = timed(() -> state(device, Instant.now()));
        Random random = new Random(42);
        List<Long> reads = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Instant at = first.plusMillis((long) (random.nextDouble() * (last.toEpochMilli() - first.toEpochMilli())));
            reads.add(timed(() -> state(device, at)));
        }
        table.add(stateAt(store, events), String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (%d reads; the first,"
                        + " at now: %.1f ms)", ms(Stats.percentile(reads, 50)), ms(Stats.percentile(reads, 99)), samples,
                ms(firstRead)), rawFigures, null);

        List<Long> histories = new ArrayList<>();
        for (int i = 0; i < Math.max(3, samples / 20); i++) {
            histories.add(timed(() -> require(api.call("GET", "/api/machines/" + device + "/history", null)
                    .statusCode(), 200, "history")));
        }
        table.add(history(store, events), String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (%d reads, not paged)",
                ms(Stats.percentile(histories, 50)), ms(Stats.percentile(histories, 99)), histories.size()),
                rawFigures, null);
        log.accept(String.format(Locale.ROOT, "long history: isolate p50 %.1f ms (fresh %.1f), state?at p99 %.1f ms",
                p50, freshP50, ms(Stats.percentile(reads, 99))));
    }

    /**
     * Registered, then in fours: a tag added, removed, an isolation requested and cancelled (its deadline scheduled
     * and deleted, as in real use), until the history holds {@code events}.
     * @return the first event's time, about
     */
    private Instant prepare(String device) {
        Instant first = Instant.now();
        require(api.register(device), 201, "register " + device);
        int stored = 2; // the registration and the device's group
        int tagChanges = 0;
        for (int i = 0; stored < events; i++) {
            if (i % 4 == 3 && stored + 2 <= events) {
                HttpResponse<String> isolated = api.isolate(device);
                require(isolated.statusCode(), 201, "isolate " + device + ": " + isolated.body());
                cancel(CordonApi.actionId(isolated));
                stored += 2;
            } else {
                // One tag at a time, added then removed: a device holds at most 50.
                String action = tagChanges % 2 == 0 ? "Add" : "Remove";
                HttpResponse<String> tagged = api.call("POST", "/api/machines/" + device + "/tags",
                        "{\"Value\":\"bench-" + (tagChanges / 2) + "\",\"Action\":\"" + action + "\"}");
                require(tagged.statusCode(), 200, "tag " + device + ": " + tagged.body());
                tagChanges++;
                stored++;
            }
        }
        return first;
    }

    private void cancel(String action) {
        HttpResponse<String> cancelled = api.call("POST", "/api/machineactions/" + action + "/cancel",
                "{\"Comment\":\"Cordon benchmark\"}");
        require(cancelled.statusCode(), 200, "cancel " + action + ": " + cancelled.body());
    }

    private int state(String device, Instant at) {
        HttpResponse<String> answer = api.call("GET", "/api/machines/" + device + "/state?at="
                + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8), null);
        return require(answer.statusCode(), 200, "state " + device + ": " + answer.body());
    }

    /** What the audit's fold would read: every column of every event of the device, in sequence order. */
    private static int fetchRaw(PreparedStatement fetch) {
        int rows = 0;
        try (ResultSet rs = fetch.executeQuery()) {
            while (rs.next()) {
                for (int column = 1; column <= 9; column++) {
                    rs.getBytes(column);
                }
                rows++;
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("The raw fetch failed: " + e.getMessage(), e);
        }
    }

    private int count(String device) {
        try (Connection c = DriverManager.getConnection(eventStoreUrl, user, "");
             PreparedStatement s = c.prepareStatement("select count(*) from domain_event_entry"
                     + " where aggregate_identifier = ?")) {
            s.setString(1, device);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static long timed(Supplier<Integer> call) {
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    private static int require(int status, int expected, String what) {
        if (status != expected) {
            throw new IllegalStateException(what + " answered " + status);
        }
        return status;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
