package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.query.QuerySideApplication;
import dev.cordon.query.rebuild.RebuildPhase;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rebuilding the read models from history on PostgreSQL, on a context of its own (own query database, event store,
 * topic and broker): the shared scenarios, and the operation's answers, which do not depend on the database.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cordon.kafka.topic=" + ReadModelRebuildIT.TOPIC,
                "cordon.query.consumer-group=cordon-query-rebuild-it",
                // Several batches even for this small history, so that batching is part of what is tested.
                "cordon.query.rebuild.batch-size=64"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = ReadModelRebuildIT.TOPIC,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(RebuildGate.class)
@DirtiesContext // a context of its own: its app, consumer and broker stop after it instead of idling to the JVM's end
class ReadModelRebuildIT extends ReadModelRebuildScenarios {

    static final String TOPIC = "cordon.device-events.rebuild-it";
    private static final String QUERY_DB = TestDatabases.create("cordon_query_rebuild_it");
    private static final String EVENT_STORE_DB = IntegrationTestSupport.createEventStore();

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private RebuildGate gate;

    private final JdbcTemplate eventStore = new JdbcTemplate(new DriverManagerDataSource(
            TestDatabases.url(EVENT_STORE_DB), TestDatabases.USER, ""));

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url(QUERY_DB));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("cordon.query.event-store.url", () -> TestDatabases.url(EVENT_STORE_DB));
    }

    @Override
    protected TestRestTemplate rest() {
        return rest;
    }

    @Override
    protected JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    protected JdbcTemplate eventStore() {
        return eventStore;
    }

    @Override
    protected String brokers() {
        return broker.getBrokersAsString();
    }

    @Override
    protected String topic() {
        return TOPIC;
    }

    @Override
    protected RebuildGate gate() {
        return gate;
    }

    /** Past PostgreSQL's last timestamp. */
    @Override
    protected Optional<Instant> timestampTheDatabaseRejects() {
        return Optional.of(Instant.parse("+295000-01-01T00:00:00Z"));
    }

    @Override
    protected Object liveSchema() {
        List<String> names = new ArrayList<>(jdbc.queryForList("""
                select tablename || '.' || indexname from pg_indexes
                where schemaname = current_schema() and tablename in ('machine', 'machine_action', 'timeline_entry')
                order by 1""", String.class));
        names.addAll(jdbc.queryForList("""
                select conrelid::regclass || '.' || conname from pg_constraint
                where conrelid in ('machine'::regclass, 'machine_action'::regclass, 'timeline_entry'::regclass)
                order by 1""", String.class));
        return names;
    }

    /** The swap renames the rebuilt tables into place: other objects under the same names. */
    @Override
    protected Map<String, Long> liveTableIds() {
        Map<String, Long> oids = new HashMap<>();
        TABLES.forEach(table -> oids.put(table, jdbc.queryForObject("select ?::regclass::oid", Long.class, table)));
        return oids;
    }

    @Override
    protected List<String> shadowTables() {
        return jdbc.queryForList("select tablename from pg_tables where tablename like '%\\_rebuild'", String.class);
    }

    // ---- PostgreSQL only: the operation itself -------------------------------------------------------------

    @Test
    @Order(5)
    void secondRebuildWhileOneRuns_isRefusedInThePublicErrorShape() throws Exception {
        gate.holdAt(RebuildPhase.CATCHING_UP);
        start("kafka", "verify");
        gate.awaitReached();

        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-ID", "second-rebuild");
        ResponseEntity<JsonNode> second = post("{\"source\":\"event-store\",\"mode\":\"verify\"}", headers);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(second.getBody().at("/error/code").asText()).isEqualTo("ActiveRequestAlreadyExists");
        assertThat(second.getBody().at("/error/message").asText()).contains("catching-up");
        assertThat(second.getBody().at("/error/target").asText()).isEqualTo("second-rebuild");
    }

    @Test
    @Order(6)
    void badRequests_areAnsweredInThePublicErrorShape() {
        ResponseEntity<JsonNode> source = post("{\"source\":\"hdfs\"}", new HttpHeaders());
        assertThat(source.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(source.getBody().at("/error/code").asText()).isEqualTo("InvalidInput");
        assertThat(source.getBody().at("/error/message").asText()).contains("auto, kafka, event-store");

        ResponseEntity<JsonNode> mode = post("{\"mode\":\"dry-run\"}", new HttpHeaders());
        assertThat(mode.getBody().at("/error/code").asText()).isEqualTo("InvalidInput");

        // Not a default, and not guessed from a key the operation does not know.
        for (String body : List.of("{\"source\":\"kafka\"}", "{\"switch\":false}", "")) {
            ResponseEntity<JsonNode> noMode = post(body, new HttpHeaders());
            assertThat(noMode.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(noMode.getBody().at("/error/code").asText()).isEqualTo("MissingRequiredParameter");
        }

        ResponseEntity<JsonNode> notJson = post("{source: kafka", new HttpHeaders());
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.getBody().at("/error/code").asText()).isEqualTo("InvalidRequestBody");

        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> plain = rest.exchange("/actuator/readmodels", HttpMethod.POST,
                new HttpEntity<>("source=kafka", text), JsonNode.class);
        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(plain.getBody().at("/error/code").asText()).isEqualTo("UnsupportedMediaType");
        assertThat(status().get("phase").asText()).isIn("done", "idle");
    }

    /** Unless told otherwise, a verification compares the read models with the event store, the record. */
    @Test
    @Order(7)
    void verify_withoutASource_readsTheEventStore() throws Exception {
        ResponseEntity<JsonNode> started = post("{\"mode\":\"verify\"}", new HttpHeaders());
        assertThat(started.getStatusCode()).as(started.toString()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode done = awaitFinished(started.getBody().get("id").asText());
        assertThat(done.get("requestedSource").asText()).isEqualTo("event-store");
        assertThat(done.get("source").asText()).isEqualTo("event-store");
        assertEqualVerification(done);
    }

    /** Last: records deleted from the topic cannot come back, and the other tests read the topic. */
    @Test
    @Order(Integer.MAX_VALUE)
    void topicTrimmedByRetention_autoReadsTheEventStore_andKafkaIsRefused() throws Exception {
        seedVariedHistory(6);
        awaitLiveProjected();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.deleteRecords(Map.of(new TopicPartition(TOPIC, 0), RecordsToDelete.beforeOffset(1))).all().get();
        }

        JsonNode kafka = runRebuild("kafka", "verify");
        assertThat(kafka.get("phase").asText()).isEqualTo("failed");
        assertThat(kafka.get("failure").asText()).contains("partition 0", "starts at offset 1", "event store");

        JsonNode auto = runRebuild("auto", "switch");
        assertThat(auto.get("requestedSource").asText()).isEqualTo("auto");
        assertThat(auto.get("source").asText()).isEqualTo("event-store");
        assertEqualVerification(auto);
    }
}
