package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.TestDatabase;
import dev.cordon.command.support.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While Kafka refuses every record (here: the topic is missing and may not be auto-created), commands are still
 * accepted and stored, nothing is lost and the publisher's position does not move; once Kafka accepts again,
 * every stored event arrives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.admin.auto-create=false",
        "cordon.kafka.max-block=1s",
        "cordon.kafka.topic=" + KafkaOutageIT.TOPIC})
@EmbeddedKafka(kraft = true, partitions = 3, brokerProperties = "auto.create.topics.enable=false")
@DirtiesContext // a configuration no other test shares: its app and broker stop after it, not at the JVM's end
class KafkaOutageIT {

    static final String TOPIC = "outage-device-events";
    private static final TestDatabase DB = TestDatabase.create("cordon_cmd_outage");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::user);
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void publisher_whileKafkaRefuses_losesNothingAndCatchesUp() throws Exception {
        HttpApi api = new HttpApi("http://127.0.0.1:" + port);
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "outage" + i + UUID.randomUUID().toString().replace("-", "");
            devices.add(id);
            assertThat(api.register(id, "host-" + i, "Windows11", "22631").status()).isEqualTo(201);
            assertThat(api.isolate(id, "Full").status()).isEqualTo(201);
        }
        Set<String> stored = new HashSet<>(jdbc.queryForList("select event_identifier from domain_event_entry",
                String.class));
        assertThat(stored).as("registered, put in its group, isolation requested").hasSize(15);

        // Several publishing attempts fail in the meantime; the token of each segment that holds these devices must
        // stay before the first of their events (it may pass events of other segments' devices: it has nothing to
        // publish for them, and the publisher reads the store as events arrive, not in one batch of all fifteen).
        Thread.sleep(4_000);
        Segment[] segments = Segment.computeSegments(0, 1, 2, 3);
        List<Map<String, Object>> tokens = jdbc.queryForList("select segment, convert_from(token, 'UTF8') as token"
                + " from token_entry where processor_name = 'kafka-publisher'");
        assertThat(tokens).filteredOn(row -> devices.stream()
                        .anyMatch(segments[(Integer) row.get("segment")]::matches))
                .isNotEmpty()
                .allSatisfy(row -> {
                    Segment segment = segments[(Integer) row.get("segment")];
                    long firstEvent = devices.stream().filter(segment::matches)
                            .mapToLong(device -> jdbc.queryForObject("select min(global_index) from"
                                    + " domain_event_entry where aggregate_identifier = ?", Long.class, device))
                            .min().orElseThrow();
                    assertThat(row.get("token") == null ? -1 : tokenIndex((String) row.get("token")))
                            .isLessThan(firstEvent);
                });

        // Still taking commands, so still in service (200), but not UP: the topic is missing, the publisher retrying.
        Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/kafka/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.body().at("/components/kafka/details/error").asText()).contains("does not exist");
        assertThat(health.body().at("/components/eventProcessors/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.body().at("/components/eventProcessors/details/kafka-publisher/backlog").asLong())
                .isEqualTo(15);

        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }

        TopicReader.readUntil(brokers, TOPIC, Duration.ofSeconds(120), records -> records.stream()
                .map(r -> stored.stream().filter(r.value()::contains).findFirst().orElse(""))
                .collect(Collectors.toSet()).containsAll(stored));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get("/actuator/health").body().get("status").asText()).isEqualTo("UP"));
    }

    private static long tokenIndex(String token) {
        Matcher m = Pattern.compile("\"index\":(-?\\d+)").matcher(token);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
