package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * While the event store is unreachable, liveness stays UP (restarting would not bring the database back) and
 * readiness is DOWN, each answered within a second: the bound, well inside the compose health check's 3 s
 * timeout, past which a probe counts as failed whatever it would have said. This is a correctness property of the
 * probes, not a performance claim. Once the database is back, readiness is UP again within seconds.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class HealthDuringAnOutageIT {

    /** The bound for every answer of health and its probes, whatever is down. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);
    private static final TestDatabase DB = TestDatabase.create("cordon_cmd_health_outage");
    private static ConfigurableApplicationContext app;
    private static HttpApi api;

    private final List<Duration> answerTimes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        app = CommandSideInstances.start(DB, EmbeddedKafkaCondition.getBroker().getBrokersAsString(), List.of());
        api = CommandSideInstances.api(app);
    }

    @AfterAll
    static void stop() {
        DB.allowConnections();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void probes_whileTheEventStoreIsUnreachable_answerAtOnce_livenessUpReadinessDown() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(timed("/actuator/health/readiness").status()).isEqualTo(200));
        // The first call with a token also fetches the issuer's keys: not a health answer's time.
        assertThat(timed("/actuator/health").status()).isEqualTo(200);

        DB.refuseConnections();
        answerTimes.clear();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Response readiness = timed("/actuator/health/readiness");
                assertThat(readiness.status()).as(readiness.raw()).isEqualTo(503);
            });
            for (int i = 0; i < 5; i++) {
                Response liveness = timed("/actuator/health/liveness");
                assertThat(liveness.status()).isEqualTo(200);
                assertThat(liveness.body().get("status").asText()).isEqualTo("UP");
                Response readiness = timed("/actuator/health/readiness");
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.body().get("status").asText()).isEqualTo("DOWN");
                Response health = timed("/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body().at("/components/db/status").asText()).isEqualTo("DOWN");
            }
            assertThat(answerTimes).allSatisfy(time -> assertThat(time).isLessThan(ANSWER_WITHIN));
        } finally {
            DB.allowConnections();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response readiness = timed("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.body().get("status").asText()).isEqualTo("UP");
        });
        assertThat(timed("/actuator/health").body().at("/components/db/status").asText()).isEqualTo("UP");
    }

    private Response timed(String path) {
        long start = System.nanoTime();
        Response response = api.get(path);
        answerTimes.add(Duration.ofNanos(System.nanoTime() - start));
        return response;
    }
}
