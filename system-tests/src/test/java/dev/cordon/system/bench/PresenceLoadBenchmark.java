package dev.cordon.system.bench;

import dev.cordon.command.support.HttpApi;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.system.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A benchmark, not a test (no assertion on time; not run by {@code mvn verify}):
 * {@code mvn -pl system-tests verify -Dit.test=PresenceLoadBenchmark -Dcordon.benchmark=presence}.
 * 10,000 agents polling once a minute, and beside them a steady isolate-then-cancel load; it prints the poll rate
 * reached, what the polls wrote to the database (rows of device_presence, events), and the isolate latency with the
 * polls against a baseline without them, measured in the same run.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
@EnabledIfSystemProperty(named = "cordon.benchmark", matches = "presence")
class PresenceLoadBenchmark {

    private static final int AGENTS = Integer.getInteger("cordon.benchmark.agents", 10_000);
    private static final int SECONDS = Integer.getInteger("cordon.benchmark.seconds", 60);
    private static final int ISOLATES_PER_SECOND = 5;

    @Test
    void tenThousandAgentsPollingOnceAMinute() throws Exception {
        try (Engine engine = Engine.start("cordon_bench", EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
                List.of())) {
            HttpApi api = new HttpApi(engine.commandSideUrl());
            List<String> agents = register(api, AGENTS, "agent");
            List<String> targets = register(api, ISOLATES_PER_SECOND * SECONDS * 2, "target");
            agents.forEach(TestIssuer.get()::agent);

            Phase baseline = run(api, engine, List.of(), targets.subList(0, targets.size() / 2));
            Phase loaded = run(api, engine, agents, targets.subList(targets.size() / 2, targets.size()));

            System.out.printf("%n[presence] %d agents polling once a minute, %d s per phase, %d isolates/s beside%n",
                    AGENTS, SECONDS, ISOLATES_PER_SECOND);
            System.out.printf("[presence] %-22s %10s %12s %12s %14s %16s %12s %12s%n", "phase", "polls/s",
                    "poll p50 ms", "poll p99 ms", "events/s", "presence rows/s", "isolate p50", "isolate p99");
            for (Phase phase : List.of(baseline, loaded)) {
                System.out.printf("[presence] %-22s %10.1f %12.1f %12.1f %14.1f %16.1f %12.1f %12.1f%n", phase.name,
                        phase.polls / (double) SECONDS, phase.pollP50, phase.pollP99, phase.events / (double) SECONDS,
                        phase.presenceWrites / (double) SECONDS, phase.isolateP50, phase.isolateP99);
            }
            System.out.printf("[presence] isolate latency with the polls / without: p50 %.2fx, p99 %.2fx%n",
                    loaded.isolateP50 / baseline.isolateP50, loaded.isolateP99 / baseline.isolateP99);
        }
    }

    private record Phase(String name, int polls, double pollP50, double pollP99, long events, long presenceWrites,
                         double isolateP50, double isolateP99) {
    }

    private static Phase run(HttpApi api, Engine engine, List<String> agents, List<String> targets) throws Exception {
        long eventsBefore = count(engine, "select count(*) from domain_event_entry");
        long writesBefore = presenceWrites(engine);
        ConcurrentLinkedQueue<Double> polls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> isolates = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(8);
        long periodNanos = agents.isEmpty() ? 0 : TimeUnit.SECONDS.toNanos(SECONDS) / agents.size();
        for (int i = 0; i < agents.size(); i++) {
            String agent = agents.get(i);
            clock.schedule(() -> polls.add(timed(() -> api.get("/api/agent/machines/" + agent + "/pendingactions"
                    + "?ipAddress=10.0." + (agent.hashCode() & 0xff) + ".1"))), i * periodNanos, TimeUnit.NANOSECONDS);
        }
        AtomicInteger next = new AtomicInteger();
        long isolatePeriod = TimeUnit.SECONDS.toNanos(1) / ISOLATES_PER_SECOND;
        for (int i = 0; i < SECONDS * ISOLATES_PER_SECOND; i++) {
            clock.schedule(() -> {
                String device = targets.get(next.getAndIncrement());
                isolates.add(timed(() -> {
                    HttpApi.Response r = api.isolate(device, "Full");
                    api.post("/api/machineactions/" + r.body().get("id").asText() + "/cancel", "{\"Comment\":\"b\"}");
                }));
            }, i * isolatePeriod, TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(SECONDS + 120, TimeUnit.SECONDS);
        Thread.sleep(5_000);
        return new Phase(agents.isEmpty() ? "isolates alone" : "isolates + 10k agents", polls.size(),
                percentile(polls, 50), percentile(polls, 99),
                count(engine, "select count(*) from domain_event_entry") - eventsBefore,
                presenceWrites(engine) - writesBefore, percentile(isolates, 50), percentile(isolates, 99));
    }

    /** Milliseconds the call took (an isolate here includes its cancel: the command path twice). */
    private static double timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static double percentile(ConcurrentLinkedQueue<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static List<String> register(HttpApi api, int count, String kind) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(pool.submit(() -> {
                    String id = kind + "-" + UUID.randomUUID();
                    api.register(id, id.substring(0, 14), "Windows11", "22631");
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : done) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /** Rows inserted and updated in device_presence, as PostgreSQL counts them. */
    private static long presenceWrites(Engine engine) throws SQLException {
        return count(engine, "select coalesce(sum(n_tup_ins + n_tup_upd), 0) from pg_stat_user_tables"
                + " where relname = 'device_presence'");
    }

    private static long count(Engine engine, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(engine.eventStoreUrl(), "postgres", "");
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
