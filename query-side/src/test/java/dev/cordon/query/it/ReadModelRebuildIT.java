package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.QuerySideApplication;
import dev.cordon.query.rebuild.ReadModelRebuildPhaseChanged;
import dev.cordon.query.rebuild.RebuildPhase;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestDatabases;
import dev.cordon.query.support.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rebuilding the read models from history, on a context of its own (own query database, event store, topic and
 * broker), so that the history on the topic and in the event store is exactly what this class wrote: every event
 * goes to both, as the command side would have stored and published it.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cordon.kafka.topic=" + ReadModelRebuildIT.TOPIC,
                "cordon.query.consumer-group=cordon-query-rebuild-it",
                // Several batches even for this small history, so that batching is part of what is tested.
                "cordon.query.rebuild.batch-size=64"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = ReadModelRebuildIT.TOPIC,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(ReadModelRebuildIT.GateConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelRebuildIT {

    static final String TOPIC = "cordon.device-events.rebuild-it";
    private static final String QUERY_DB = TestDatabases.create("cordon_query_rebuild_it");
    private static final String EVENT_STORE_DB = IntegrationTestSupport.createEventStore();
    private static final List<String> TABLES = List.of("machine", "machine_action", "timeline_entry");
    private static final Gate GATE = new Gate();

    private static KafkaProducer<String, String> producer;

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EmbeddedKafkaBroker broker;

    private final JdbcTemplate eventStore = new JdbcTemplate(new DriverManagerDataSource(
            TestDatabases.url(EVENT_STORE_DB), TestDatabases.USER, ""));
    /** Next sequence per device, across the tests of this class (they add to one history). */
    private static final Map<String, Long> sequences = new HashMap<>();
    private static long eventsWritten;
    private static long eventsRejected;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url(QUERY_DB));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("cordon.query.event-store.url", () -> TestDatabases.url(EVENT_STORE_DB));
    }

    /** Holds the rebuild's thread when it enters a phase, until the test lets it go on. */
    static final class Gate {
        private volatile RebuildPhase holdAt;
        private volatile CountDownLatch reached = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(1);

        synchronized void holdAt(RebuildPhase phase) {
            CountDownLatch previous = release;
            reached = new CountDownLatch(1);
            release = new CountDownLatch(1);
            holdAt = phase;
            previous.countDown();
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(60, TimeUnit.SECONDS)).as("rebuild reached " + holdAt).isTrue();
        }

        synchronized void releaseAll() {
            holdAt = null;
            release.countDown();
        }

        void entered(RebuildPhase phase) {
            CountDownLatch waitFor;
            synchronized (this) {
                if (phase != holdAt) {
                    return;
                }
                waitFor = release;
                reached.countDown();
            }
            try {
                waitFor.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @TestConfiguration
    static class GateConfig {
        @Bean
        Object rebuildGate() {
            return new Object() {
                @EventListener
                void on(ReadModelRebuildPhaseChanged changed) {
                    GATE.entered(changed.status().phase());
                }
            };
        }
    }

    @AfterEach
    void letAnyRebuildFinish() {
        GATE.releaseAll();
        eventually().until(() -> finished(status()));
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    // ---- the tests -------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void kafkaRebuild_afterVariedHistory_verifiesEqualAndSwitches() {
        List<String> devices = seedVariedHistory(120);
        produceRaw(devices.get(0), "this is not a CloudEvent");
        // Past PostgreSQL's last timestamp: the database rejects it, and the live consumer skips it.
        send(TestEvents.registered(newId("dev"), Instant.parse("+295000-01-01T00:00:00Z")));
        eventsRejected++;
        awaitLiveProjected();
        Map<String, Long> oidsBefore = tableOids();
        List<String> indexesBefore = indexAndConstraintNames();
        JsonNode machineBefore = get("/api/machines/" + devices.get(0)).getBody();

        JsonNode done = runRebuild("kafka", "switch");

        assertThat(done.get("phase").asText()).isEqualTo("done");
        assertThat(done.get("source").asText()).isEqualTo("kafka");
        assertEqualVerification(done);
        assertThat(done.get("eventsDone").asLong()).isEqualTo(eventsWritten + 1);
        assertThat(done.get("eventsSkipped").asLong()).isEqualTo(2);
        assertThat(done.get("eventsTotal").asLong()).isGreaterThanOrEqualTo(done.get("eventsDone").asLong());
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(done.get("etaSeconds").asDouble()).isZero();
        assertThat(done.get("elapsedSeconds").asDouble()).isPositive();
        printFigures("kafka, switch", done);

        // The live names now carry the rebuilt tables, under the same index and constraint names.
        Map<String, Long> oidsAfter = tableOids();
        TABLES.forEach(table -> assertThat(oidsAfter.get(table)).as(table).isNotEqualTo(oidsBefore.get(table)));
        assertThat(indexAndConstraintNames()).isEqualTo(indexesBefore);
        assertThat(shadowTables()).isEmpty();
        assertThat(get("/api/machines/" + devices.get(0)).getBody()).isEqualTo(machineBefore);
    }

    @Test
    @Order(2)
    void verify_whenLiveRowCorrupted_reportsTheFirstDifference_andSwitchFixesIt() {
        String device = seedVariedHistory(1).get(0);
        awaitLiveProjected();
        String isolation = jdbc.queryForObject(
                "select id from machine_action where machine_id = ? and type = 'Isolate'", String.class, device);
        jdbc.update("update machine set isolation_state = 'Isolated', computer_dns_name = 'forged' where id = ?",
                device);
        jdbc.update("update machine_action set status = 'Pending' where id = ?", isolation);

        JsonNode verified = runRebuild("kafka", "verify");

        assertThat(verified.get("phase").asText()).isEqualTo("done");
        JsonNode verification = verified.get("verification");
        assertThat(verification.get("equal").asBoolean()).isFalse();
        JsonNode first = verification.get("firstDifference");
        assertThat(first.get("readModel").asText()).isEqualTo("machines");
        assertThat(first.get("key").get("id").asText()).isEqualTo(device);
        // The first differing column in the table's column order.
        assertThat(first.get("column").asText()).isEqualTo("computer_dns_name");
        assertThat(first.get("live").asText()).isEqualTo("forged");
        assertThat(first.get("rebuilt").asText()).isEqualTo(device + ".corp.example");
        JsonNode actions = readModel(verification, "machineActions");
        assertThat(actions.get("equal").asBoolean()).isFalse();
        assertThat(actions.get("firstDifference").get("column").asText()).isEqualTo("status");
        assertThat(actions.get("liveRows").asLong()).isEqualTo(actions.get("rebuiltRows").asLong());
        assertThat(actions.get("liveChecksum").asText()).isNotEqualTo(actions.get("rebuiltChecksum").asText());
        assertThat(readModel(verification, "timeline").get("equal").asBoolean()).isTrue();
        // Verify only: the live read models are kept as they were, the rebuilt copy is gone.
        assertThat(get("/api/machines/" + device).getBody().get("computerDnsName").asText()).isEqualTo("forged");
        assertThat(shadowTables()).isEmpty();

        JsonNode switched = runRebuild("kafka", "switch");

        assertThat(switched.get("verification").get("firstDifference").get("key").get("id").asText())
                .isEqualTo(device);
        assertThat(get("/api/machines/" + device).getBody().get("computerDnsName").asText())
                .isEqualTo(device + ".corp.example");
        assertEqualVerification(runRebuild("kafka", "verify"));
    }

    @Test
    @Order(3)
    void duringRebuild_readsAreAnswered_andEventsArrivingAreKeptAfterTheSwitch() throws Exception {
        String old = seedVariedHistory(1).get(0);
        awaitLiveProjected();
        JsonNode oldBefore = get("/api/machines/" + old).getBody();
        GATE.holdAt(RebuildPhase.CATCHING_UP);

        String id = start("kafka", "switch").getBody().get("id").asText();
        GATE.awaitReached();

        // Built beside the live tables, which keep answering and keep projecting.
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry_rebuild", Long.class)).isPositive();
        ResponseEntity<JsonNode> during = get("/api/machines/" + old);
        assertThat(during.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(during.getBody()).isEqualTo(oldBefore);
        JsonNode status = status();
        assertThat(status.get("id").asText()).isEqualTo(id);
        assertThat(status.get("phase").asText()).isEqualTo("catching-up");
        assertThat(status.get("eventsDone").asLong()).isEqualTo(eventsWritten + 1);
        assertThat(status.has("eventsPerSecond")).isTrue();
        assertThat(status.has("etaSeconds")).isTrue();
        String builtMeanwhile = newId("dev");
        String isolation = newId("iso");
        send(TestEvents.registered(builtMeanwhile, at(0)));
        send(TestEvents.isolationRequested(old, isolation, IsolationType.Full, at(900)));
        eventually().until(() -> get("/api/machines/" + builtMeanwhile).getStatusCode() == HttpStatus.OK);

        // The live projection is paused now (caught up, compared, about to switch): reads are still answered.
        GATE.holdAt(RebuildPhase.VERIFYING);
        GATE.awaitReached();
        String whilePaused = newId("dev");
        send(TestEvents.registered(whilePaused, at(0)));
        send(TestEvents.isolated(old, isolation, IsolationType.Full, at(901)));
        assertThat(get("/api/machines/" + old).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/machines/" + builtMeanwhile).getStatusCode()).isEqualTo(HttpStatus.OK);
        GATE.releaseAll();

        JsonNode done = awaitFinished(id);
        assertEqualVerification(done);
        eventually().untilAsserted(() -> {
            assertThat(get("/api/machines/" + whilePaused).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get("/api/machines/" + old).getBody().get("isolationState").asText()).isEqualTo("Isolated");
        });
        assertThat(get("/api/machineactions/" + isolation).getBody().get("status").asText()).isEqualTo("Succeeded");
        assertThat(get("/api/machines/" + builtMeanwhile).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertEqualVerification(runRebuild("kafka", "verify"));
    }

    @Test
    @Order(4)
    void eventStoreRebuild_givesTheSameChecksumsAsKafka() {
        seedVariedHistory(30);
        awaitLiveProjected();

        JsonNode fromKafka = runRebuild("kafka", "verify");
        JsonNode fromStore = runRebuild("event-store", "verify");

        assertThat(fromStore.get("source").asText()).isEqualTo("event-store");
        assertEqualVerification(fromKafka);
        assertEqualVerification(fromStore);
        assertThat(checksums(fromStore)).isEqualTo(checksums(fromKafka));
        assertThat(fromStore.get("eventsDone").asLong()).isEqualTo(eventsWritten);
        assertThat(fromStore.get("eventsSkipped").asLong()).isEqualTo(eventsRejected);
        printFigures("kafka, verify", fromKafka);
        printFigures("event-store, verify", fromStore);

        JsonNode switched = runRebuild("event-store", "switch");
        assertEqualVerification(switched);
        assertEqualVerification(runRebuild("kafka", "verify"));
    }

    @Test
    @Order(5)
    void secondRebuildWhileOneRuns_isRefusedInThePublicErrorShape() throws Exception {
        GATE.holdAt(RebuildPhase.CATCHING_UP);
        start("kafka", "verify");
        GATE.awaitReached();

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

    // ---- history ---------------------------------------------------------------------------------------------

    /**
     * Devices with every kind of action outcome: isolations of both types that succeed, fail, are cancelled or
     * time out, releases that succeed, fail or are cancelled, and details updates.
     *
     * @return the device ids
     */
    private List<String> seedVariedHistory(int deviceCount) {
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < deviceCount; i++) {
            String device = newId("dev");
            devices.add(device);
            long t = i * 100L;
            String isolate = newId("iso");
            String release = newId("rel");
            send(TestEvents.registered(device, at(t)));
            switch (i % 6) {
                case 0 -> {
                    send(TestEvents.isolationRequested(device, isolate, IsolationType.Full, at(t + 1)));
                    send(TestEvents.started(device, isolate, ActionType.Isolate, at(t + 2)));
                    send(TestEvents.isolated(device, isolate, IsolationType.Full, at(t + 3)));
                    send(TestEvents.releaseRequested(device, release, at(t + 4)));
                    send(TestEvents.released(device, release, at(t + 5)));
                }
                case 1 -> {
                    send(TestEvents.isolationRequested(device, isolate, IsolationType.Selective, at(t + 1)));
                    send(TestEvents.cancelled(device, isolate, ActionType.Isolate, at(t + 2)));
                }
                case 2 -> {
                    send(TestEvents.isolationRequested(device, isolate, IsolationType.Full, at(t + 1)));
                    send(TestEvents.started(device, isolate, ActionType.Isolate, at(t + 2)));
                    send(TestEvents.isolationFailed(device, isolate, -2147024891, at(t + 3)));
                }
                case 3 -> {
                    send(TestEvents.isolationRequested(device, isolate, IsolationType.Full, at(t + 1)));
                    send(TestEvents.isolated(device, isolate, IsolationType.Full, at(t + 2)));
                    send(TestEvents.releaseRequested(device, release, at(t + 3)));
                    send(TestEvents.cancelled(device, release, ActionType.Unisolate, at(t + 4)));
                }
                case 4 -> {
                    send(TestEvents.detailsUpdated(device, "renamed-" + i, at(t + 1)));
                    send(TestEvents.isolationRequested(device, isolate, IsolationType.Selective, at(t + 2)));
                    send(TestEvents.started(device, isolate, ActionType.Isolate, at(t + 3)));
                    send(TestEvents.timedOut(device, isolate, ActionType.Isolate, at(t + 259_200)));
                }
                default -> {
                    send(TestEvents.isolationRequested(device, isolate, IsolationType.Selective, at(t + 1)));
                    send(TestEvents.isolated(device, isolate, IsolationType.Selective, at(t + 2)));
                    send(TestEvents.releaseRequested(device, release, at(t + 3)));
                    send(TestEvents.releaseFailed(device, release, 5, at(t + 4)));
                }
            }
        }
        producer().flush();
        return devices;
    }

    /** Stores the event as the command side's event store would, then publishes it as its publisher would. */
    private void send(DeviceEvent event) {
        String device = event.deviceId();
        long sequence = sequences.merge(device, 1L, Long::sum) - 1;
        String eventId = UUID.randomUUID().toString();
        try {
            eventStore.update("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, 'Device', ?, ?, '1', ?, null)""", eventId, device, sequence,
                    event.occurredAt().toString(), event.getClass().getName(),
                    TestEvents.MAPPER.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        producer().send(new ProducerRecord<>(TOPIC, device, TestEvents.cloudEventJson(event, sequence, eventId)));
        eventsWritten++;
    }

    private void produceRaw(String key, String value) {
        try {
            producer().send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void awaitLiveProjected() {
        producer().flush();
        eventually().until(() -> jdbc.queryForObject("select count(*) from timeline_entry", Long.class)
                == eventsWritten - eventsRejected);
    }

    // ---- the operation ---------------------------------------------------------------------------------------

    private JsonNode runRebuild(String source, String mode) {
        ResponseEntity<JsonNode> started = start(source, mode);
        return awaitFinished(started.getBody().get("id").asText());
    }

    private ResponseEntity<JsonNode> start(String source, String mode) {
        ResponseEntity<JsonNode> response = post("{\"source\":\"" + source + "\",\"mode\":\"" + mode + "\"}",
                new HttpHeaders());
        assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.ACCEPTED);
        return response;
    }

    private ResponseEntity<JsonNode> post(String body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange("/actuator/readmodels", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private JsonNode status() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/actuator/readmodels", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode awaitFinished(String id) {
        eventually().until(() -> {
            JsonNode status = status();
            return status.get("id").asText().equals(id) && finished(status);
        });
        return status();
    }

    private static boolean finished(JsonNode status) {
        return List.of("done", "failed", "idle").contains(status.get("phase").asText());
    }

    private static void assertEqualVerification(JsonNode status) {
        assertThat(status.get("phase").asText()).as(status.toString()).isEqualTo("done");
        JsonNode verification = status.get("verification");
        assertThat(verification.get("equal").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("firstDifference").isNull()).isTrue();
        assertThat(verification.get("readModels")).hasSize(3);
        for (JsonNode model : verification.get("readModels")) {
            assertThat(model.get("liveRows").asLong()).as(model.toString()).isPositive()
                    .isEqualTo(model.get("rebuiltRows").asLong());
            assertThat(model.get("liveChecksum").asText()).isEqualTo(model.get("rebuiltChecksum").asText());
        }
    }

    private static JsonNode readModel(JsonNode verification, String name) {
        for (JsonNode model : verification.get("readModels")) {
            if (model.get("readModel").asText().equals(name)) {
                return model;
            }
        }
        throw new AssertionError("no read model " + name + " in " + verification);
    }

    private static Map<String, String> checksums(JsonNode status) {
        Map<String, String> checksums = new HashMap<>();
        status.get("verification").get("readModels").forEach(model ->
                checksums.put(model.get("readModel").asText(), model.get("rebuiltChecksum").asText()));
        return checksums;
    }

    /** A figure for the reader, not an assertion. */
    private static void printFigures(String what, JsonNode status) {
        System.out.printf("Read-model rebuild (%s): %d events in %.3f s, %.0f events/s%n", what,
                status.get("eventsDone").asLong(), status.get("elapsedSeconds").asDouble(),
                status.get("eventsPerSecond").asDouble());
    }

    // ---- database and HTTP helpers ---------------------------------------------------------------------------

    private Map<String, Long> tableOids() {
        Map<String, Long> oids = new HashMap<>();
        TABLES.forEach(table -> oids.put(table, jdbc.queryForObject("select ?::regclass::oid", Long.class, table)));
        return oids;
    }

    private List<String> indexAndConstraintNames() {
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

    private List<String> shadowTables() {
        return jdbc.queryForList("select tablename from pg_tables where tablename like '%\\_rebuild'", String.class);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return rest.getForEntity(path, JsonNode.class);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }
}
