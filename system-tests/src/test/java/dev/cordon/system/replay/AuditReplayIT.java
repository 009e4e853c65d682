package dev.cordon.system.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.system.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Audit replay at scale: more than 10,000 events over 1,000 devices, made through the public API by random
 * isolate, report, cancel, timeout and release sequences. Then {@code state?at} is asked for 200 random
 * (device, instant) pairs and compared with the test's own model of the rules, and the query side rebuilds
 * every read model from the Kafka topic and proves it equal to the live ones by checksum.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class AuditReplayIT {

    private static final int DEVICES = 1_000;
    private static final int MIN_EVENTS = 10_000;
    private static final int SAMPLES = 200;
    /**
     * Short, so that timeouts happen inside the run; the generator acts on an open action only in the first half
     * of it, so that no report or cancel races its deadline.
     */
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(4);
    private static final long SEED = Long.getLong("cordon.replay.seed", 20261127L);

    private static Engine engine;
    private static HttpApi commands;
    private static HttpApi reads;

    @BeforeAll
    static void startEngine() {
        String brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        engine = Engine.start("cordon_replay", brokers, List.of(
                "--cordon.actions.timeout=" + ACTION_TIMEOUT,
                "--db-scheduler.polling-interval=250ms"));
        commands = new HttpApi(engine.commandSideUrl());
        reads = new HttpApi(engine.querySideUrl());
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void tenThousandEvents_stateAtMatchesTheModel_andARebuildEqualsTheLiveReadModels() throws Exception {
        HistoryGenerator generator = new HistoryGenerator(commands, reads, ACTION_TIMEOUT, SEED);
        long started = System.nanoTime();
        List<DeviceHistory> devices = generator.generate(DEVICES, MIN_EVENTS, 6);
        double generatedSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[replay] history: %d events over %d devices (%d timeouts, %d commands refused as the "
                        + "model predicted) in %.1f s, %.0f events/s%n", generator.events(), devices.size(),
                generator.timeouts(), generator.rejected(), generatedSeconds, generator.events() / generatedSeconds);
        assertThat(generator.events()).isGreaterThanOrEqualTo(MIN_EVENTS);

        assertStateAtMatchesTheModel(devices);

        awaitLiveReadModelsCaughtUp(devices);
        JsonNode rebuild = rebuildFromKafka();
        System.out.printf("[replay] rebuild from Kafka: %d events in %.1f s, %.0f events/s%n",
                rebuild.get("eventsDone").asLong(), rebuild.get("elapsedSeconds").asDouble(),
                rebuild.get("eventsPerSecond").asDouble());
        JsonNode verification = rebuild.get("verification");
        assertThat(verification.get("equal").asBoolean()).as(verification.toPrettyString()).isTrue();
        for (JsonNode model : verification.get("readModels")) {
            System.out.printf("[replay]   %-16s live %6d rows, rebuilt %6d rows, checksum %s%n",
                    model.get("readModel").asText(), model.get("liveRows").asLong(), model.get("rebuiltRows").asLong(),
                    model.get("rebuiltChecksum").asText());
            assertThat(model.get("liveChecksum").asText()).isEqualTo(model.get("rebuiltChecksum").asText());
        }
        assertThat(rebuild.get("eventsDone").asLong()).isGreaterThanOrEqualTo(generator.events());
    }

    private static void assertStateAtMatchesTheModel(List<DeviceHistory> devices) throws Exception {
        Random random = new Random(SEED ^ 0x5eed);
        List<Sample> samples = new ArrayList<>();
        while (samples.size() < SAMPLES) {
            DeviceHistory device = devices.get(random.nextInt(devices.size()));
            if (random.nextInt(10) == 0) {
                samples.add(new Sample(device.deviceId, device.beforeExistence(random), null));
                continue;
            }
            Optional<DeviceHistory.Span> span = device.sample(random);
            span.ifPresent(s -> samples.add(new Sample(device.deviceId, s.from(), s.state())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Sample sample : samples) {
                answers.add(pool.submit(() -> mismatch(sample)));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<String> answer : answers) {
                String m = answer.get();
                if (m != null) {
                    mismatches.add(m);
                }
            }
            long absent = samples.stream().filter(s -> s.expected() == null).count();
            System.out.printf("[replay] state?at: %d samples (%d before the device existed), %d mismatches%n",
                    samples.size(), absent, mismatches.size());
            assertThat(mismatches).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private record Sample(String deviceId, Instant at, ExpectedState expected) {
    }

    /** Null when Cordon's answer is the model's; otherwise a line saying how they differ. */
    private static String mismatch(Sample sample) {
        Response r = commands.get("/api/machines/" + sample.deviceId() + "/state?at=" + sample.at());
        String where = sample.deviceId() + " at " + sample.at() + ": ";
        if (sample.expected() == null) {
            return r.status() == 404 && "ResourceNotFound".equals(r.body().at("/error/code").asText())
                    ? null : where + "expected 404 ResourceNotFound, got " + r.status() + " " + r.raw();
        }
        if (r.status() != 200) {
            return where + "expected 200, got " + r.status() + " " + r.raw();
        }
        ExpectedState want = sample.expected();
        JsonNode got = r.body();
        List<String> wrong = new ArrayList<>();
        compare(wrong, "isolationState", want.isolationState(), got.get("isolationState"));
        compare(wrong, "isolationScope", want.scope(), got.get("isolationScope"));
        JsonNode open = got.get("openAction");
        if (want.openAction() == null) {
            if (open != null && !open.isNull()) {
                wrong.add("openAction: expected none, got " + open);
            }
        } else if (open == null || open.isNull()) {
            wrong.add("openAction: expected " + want.openAction() + ", got none");
        } else {
            compare(wrong, "openAction.id", want.openAction().id(), open.get("id"));
            compare(wrong, "openAction.type", want.openAction().type(), open.get("type"));
            compare(wrong, "openAction.status", want.openAction().status(), open.get("status"));
            compare(wrong, "openAction.scope", want.openAction().isolationType(), open.get("scope"));
        }
        return wrong.isEmpty() ? null : where + String.join("; ", wrong) + " in " + got;
    }

    private static void compare(List<String> wrong, String field, String expected, JsonNode actual) {
        String value = actual == null || actual.isNull() ? null : actual.asText();
        if (expected == null ? value != null : !expected.equalsIgnoreCase(value)) {
            wrong.add(field + ": expected " + expected + ", got " + value);
        }
    }

    /** The comparison is only meaningful once the live projection has every event: each device's last state. */
    private static void awaitLiveReadModelsCaughtUp(List<DeviceHistory> devices) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (DeviceHistory device : devices) {
                Response r = reads.get("/api/machines/" + device.deviceId);
                assertThat(r.status()).as(r.raw()).isEqualTo(200);
                assertThat(r.body().get("isolationState").asText()).as(device.deviceId)
                        .isEqualTo(device.current().isolationState());
            }
        });
    }

    private static JsonNode rebuildFromKafka() {
        Response started = reads.post("/actuator/readmodels", "{\"source\":\"kafka\",\"mode\":\"switch\"}");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String id = started.body().get("id").asText();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode status = reads.get("/actuator/readmodels").body();
            last[0] = status;
            assertThat(status.get("id").asText()).isEqualTo(id);
            assertThat(status.get("phase").asText()).isIn("done", "failed");
        });
        assertThat(last[0].get("phase").asText()).as(last[0].toPrettyString()).isEqualTo("done");
        return last[0];
    }
}
