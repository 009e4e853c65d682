package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.query.QuerySideApplication;
import dev.cordon.query.projection.DeviceEventListener;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A query side's death on a three-broker cluster (6 partitions, RF 3): its partitions go to the survivor within the
 * issue's 10 s, with the consumer settings this side ships (session timeout, heartbeat); and the projection
 * component says so while it lasts: partitions without a consumer, and how old the oldest unprojected record is.
 * A dead consumer is one that closes without leaving its group (as after kill -9, the group learns of it only when
 * its session times out). The figures are printed; the takeover bound is asserted with room for a busy machine.
 */
@EmbeddedKafka(kraft = true, count = 3, partitions = 6, topics = ProjectionFailoverIT.TOPIC,
        brokerProperties = {"offsets.topic.replication.factor=3", "default.replication.factor=3",
                "min.insync.replicas=2"})
class ProjectionFailoverIT {

    static final String TOPIC = "hl-projection-failover";
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() {
        String queryDb = TestDatabases.create("hl_projection_failover");
        String eventStore = IntegrationTestSupport.createEventStore();
        app = new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabases.url(queryDb),
                "--spring.datasource.username=" + TestDatabases.USER, "--spring.datasource.password=",
                "--cordon.query.event-store.url=" + TestDatabases.url(eventStore),
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
                "--cordon.kafka.topic=" + TOPIC,
                "--cordon.health.staleness-threshold=2s",
                "--cordon.security.issuer-uri=" + TestIssuer.get().issuer(),
                "--cordon.kafka.signing-keys=" + TestSigning.KEYS);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void partitions_ofAConsumerThatDied_areTakenOverWithinTheSessionTimeout() throws Exception {
        String group = "hl-takeover-" + UUID.randomUUID();
        Member survivor = new Member(group, true);
        Member victim = new Member(group, false);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> survivor.owned().size() == 3
                    && victim.owned().size() == 3);
            long diedAt = System.nanoTime();
            victim.die();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> survivor.owned().size() == 6);
            Duration takeover = Duration.ofNanos(survivor.lastChangeAt() - diedAt);

            System.out.printf("FAILOVER a dead consumer's partitions taken over after %d ms%n", takeover.toMillis());
            assertThat(takeover).isLessThan(TAKEOVER_BOUND);
        } finally {
            survivor.die();
            victim.die();
        }
    }

    @Test
    void projection_withoutAConsumer_isDegradedNamingTheUnownedPartitionsAndHowStale() throws Exception {
        KafkaListenerEndpointRegistry listeners = app.getBean(KafkaListenerEndpointRegistry.class);
        // The first call with a token also fetches the issuer's keys, slow on a busy machine: not a health answer.
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() ->
                assertThat(projection().get("status").asText()).isEqualTo("UP"));

        listeners.getListenerContainer(DeviceEventListener.ID).stop();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, 2, "device", "not projected yet")).get();
        }
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode projection = projection();
                assertThat(projection.get("status").asText()).isEqualTo("DEGRADED");
                assertThat(projection.at("/details/unownedPartitions").toString()).isEqualTo("[0,1,2,3,4,5]");
                assertThat(projection.at("/details/stalePartitions").has("2")).isTrue();
                assertThat(projection.at("/details/stalenessSeconds").asLong()).isGreaterThan(2);
            });
        } finally {
            listeners.getListenerContainer(DeviceEventListener.ID).start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode projection = projection();
            assertThat(projection.get("status").asText()).isEqualTo("UP");
            assertThat(projection.at("/details/stalenessSeconds").asLong()).isZero();
            assertThat(projection.at("/details/unownedPartitions").size()).isZero();
        });
    }

    private static JsonNode projection() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .header("Authorization", TestIssuer.bearer()).timeout(Duration.ofSeconds(30)).GET().build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .at("/components/projection");
    }

    /**
     * A member of a group with the consumer this side builds (its settings from application.yml). One that dies
     * closes without leaving the group: Kafka's own switch for it, which Kafka Streams uses for the same purpose.
     */
    private static final class Member {

        private final Consumer<?, ?> consumer;
        private final AtomicReference<Set<TopicPartition>> owned = new AtomicReference<>(Set.of());
        private final AtomicLong lastChangeAt = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Member(String group, boolean leaveOnClose) {
            ConsumerFactory<?, ?> factory = app.getBean(ConsumerFactory.class);
            java.util.Properties overrides = new java.util.Properties();
            overrides.put("internal.leave.group.on.close", String.valueOf(leaveOnClose));
            consumer = factory.createConsumer(group, null, null, overrides);
            consumer.subscribe(List.of(TOPIC));
            thread = new Thread(this::poll, "member-" + (leaveOnClose ? "survivor" : "victim"));
            thread.start();
        }

        private void poll() {
            try {
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(100));
                    Set<TopicPartition> now = Set.copyOf(consumer.assignment());
                    if (!now.equals(owned.getAndSet(now))) {
                        lastChangeAt.set(System.nanoTime());
                    }
                }
            } finally {
                consumer.close(Duration.ZERO);
            }
        }

        Set<TopicPartition> owned() {
            return owned.get();
        }

        long lastChangeAt() {
            return lastChangeAt.get();
        }

        void die() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
