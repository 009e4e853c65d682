package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.query.QuerySideApplication;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestDatabases;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.service.testing.TestSigning;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * While the query database is unreachable, liveness stays UP (restarting would not bring the database back) and
 * readiness is DOWN, each answered within a second: the bound, well inside the compose health check's 3 s
 * timeout, past which a probe counts as failed whatever it would have said. This is a correctness property of the
 * probes, not a performance claim. Once the database is back, readiness is UP again within seconds.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class HealthDuringAnOutageIT {

    /** The bound for every answer of health and its probes, whatever is down. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String queryDb;
    private static ConfigurableApplicationContext app;
    private static String base;

    private final List<Duration> answerTimes = new CopyOnWriteArrayList<>();

    private record Answer(int status, JsonNode body) {
    }

    @BeforeAll
    static void start() {
        queryDb = TestDatabases.create("cordon_query_health_outage");
        String eventStore = IntegrationTestSupport.createEventStore();
        app = new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabases.url(queryDb),
                "--spring.datasource.username=" + TestDatabases.USER, "--spring.datasource.password=",
                "--cordon.query.event-store.url=" + TestDatabases.url(eventStore),
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
                "--cordon.security.issuer-uri=" + TestIssuer.get().issuer(),
                "--cordon.kafka.signing-keys=" + TestSigning.KEYS);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        allowConnections();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void probes_whileTheQueryDatabaseIsUnreachable_answerAtOnce_livenessUpReadinessDown() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(timed("/actuator/health/readiness").status()).isEqualTo(200));
        // The first call with a token also fetches the issuer's keys: not a health answer's time.
        assertThat(timed("/actuator/health").status()).isEqualTo(200);

        refuseConnections();
        answerTimes.clear();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Answer readiness = timed("/actuator/health/readiness");
                assertThat(readiness.status()).as(readiness.body().toString()).isEqualTo(503);
            });
            for (int i = 0; i < 5; i++) {
                Answer liveness = timed("/actuator/health/liveness");
                assertThat(liveness.status()).isEqualTo(200);
                assertThat(liveness.body().get("status").asText()).isEqualTo("UP");
                Answer readiness = timed("/actuator/health/readiness");
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.body().get("status").asText()).isEqualTo("DOWN");
                Answer health = timed("/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body().at("/components/db/status").asText()).isEqualTo("DOWN");
            }
            assertThat(answerTimes).allSatisfy(time -> assertThat(time).isLessThan(ANSWER_WITHIN));
        } finally {
            allowConnections();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Answer readiness = timed("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.body().get("status").asText()).isEqualTo("UP");
        });
        assertThat(timed("/actuator/health").body().at("/components/db/status").asText()).isEqualTo("UP");
    }

    /** As if the server were gone, for this database only (the server is shared with other work). */
    private static void refuseConnections() {
        TestDatabases.execute("postgres", "ALTER DATABASE " + queryDb + " WITH ALLOW_CONNECTIONS false");
        TestDatabases.execute("postgres",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + queryDb + "'");
    }

    private static void allowConnections() {
        TestDatabases.execute("postgres", "ALTER DATABASE " + queryDb + " WITH ALLOW_CONNECTIONS true");
    }

    /** The probes as a load balancer calls them, without a token; the whole health with an operator's. */
    private Answer timed(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (path.equals("/actuator/health")) {
            request.header("Authorization", TestIssuer.bearer());
        }
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        answerTimes.add(Duration.ofNanos(System.nanoTime() - start));
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }
}
