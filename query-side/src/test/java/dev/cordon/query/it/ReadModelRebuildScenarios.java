package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.CordonEvent;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.bulk.BulkActionEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.query.rebuild.RebuildPhase;
import dev.cordon.query.support.SseClient;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.testing.TestSigning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rebuild's main scenarios, run against each query database (PostgreSQL, H2) by a subclass that starts the
 * query side on it with a query database, event store, topic and broker of its own, so that the history on the topic
 * and in the event store is exactly what the class wrote: every event goes to both, as the command side would have
 * stored and published it. One test instance per class: the tests add to one history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ReadModelRebuildScenarios {

    static final List<String> TABLES = List.of("machine", "machine_action", "timeline_entry");

    /** Next sequence per device, across the tests of this class. */
    private final Map<String, Long> sequences = new HashMap<>();
    protected long eventsWritten;
    protected long eventsRejected;
    /** A bulk action's own events: written and published, but kept by no device read model (no timeline entry). */
    protected long eventsWithoutReadModel;
    /** The actions that a bulk action dispatched: each must have its bulk id after a rebuild as before. */
    protected long bulkActionsWritten;
    private KafkaProducer<String, String> producer;

    // ---- what a subclass provides ----------------------------------------------------------------------------

    protected abstract TestRestTemplate rest();

    /** The query database. */
    protected abstract JdbcTemplate jdbc();

    protected abstract JdbcTemplate eventStore();

    protected abstract String brokers();

    protected abstract String topic();

    protected abstract RebuildGate gate();

    /** A timestamp events may carry but the query database cannot store, if there is one. */
    protected abstract Optional<Instant> timestampTheDatabaseRejects();

    /** Whatever a switch must leave as it was: the names of the live tables' indexes and constraints at least. */
    protected abstract Object liveSchema();

    /** Identifies each live table object where a switch replaces them (PostgreSQL); empty where it keeps them. */
    protected abstract Map<String, Long> liveTableIds();

    protected abstract List<String> shadowTables();

    @AfterEach
    void letAnyRebuildFinish() {
        gate().releaseAll();
        eventually().until(() -> finished(status()));
    }

    @AfterAll
    void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    // ---- the scenarios ---------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void kafkaRebuild_afterVariedHistory_verifiesEqualAndSwitches() {
        List<String> devices = seedVariedHistory(120);
        produceRaw(devices.get(0), "this is not a CloudEvent");
        long skipped = 1;
        Optional<Instant> unstorable = timestampTheDatabaseRejects();
        if (unstorable.isPresent()) {
            // The database rejects it, and the live consumer skips it.
            send(TestEvents.registered(newId("dev"), unstorable.get()));
            eventsRejected++;
            skipped++;
        }
        awaitLiveProjected();
        Map<String, Long> idsBefore = liveTableIds();
        Object schemaBefore = liveSchema();
        JsonNode machineBefore = get("/api/machines/" + devices.get(0)).getBody();

        JsonNode done = runRebuild("kafka", "switch");

        assertThat(done.get("phase").asText()).isEqualTo("done");
        assertThat(done.get("source").asText()).isEqualTo("kafka");
        assertEqualVerification(done);
        assertThat(done.get("eventsDone").asLong()).isEqualTo(eventsWritten + 1);
        assertThat(done.get("eventsSkipped").asLong()).isEqualTo(skipped);
        assertThat(done.get("eventsTotal").asLong()).isGreaterThanOrEqualTo(done.get("eventsDone").asLong());
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(done.get("etaSeconds").asDouble()).isZero();
        assertThat(done.get("elapsedSeconds").asDouble()).isPositive();
        printFigures("kafka, switch", done);

        // The live names now carry the rebuilt read models, under the same index and constraint names.
        Map<String, Long> idsAfter = liveTableIds();
        idsBefore.forEach((table, id) -> assertThat(idsAfter.get(table)).as(table).isNotEqualTo(id));
        assertThat(liveSchema()).isEqualTo(schemaBefore);
        assertThat(shadowTables()).isEmpty();
        assertThat(get("/api/machines/" + devices.get(0)).getBody()).isEqualTo(machineBefore);
        // The rebuilt actions know their bulk as the live ones did (the verification compared every column too).
        assertThat(jdbc().queryForObject("select count(*) from machine_action where bulk_action_id is not null",
                Long.class)).isEqualTo(bulkActionsWritten);
    }

    @Test
    @Order(2)
    void verify_whenLiveRowCorrupted_reportsTheFirstDifference_andSwitchFixesIt() {
        String device = seedVariedHistory(1).get(0);
        awaitLiveProjected();
        String isolation = jdbc().queryForObject(
                "select id from machine_action where machine_id = ? and type = 'Isolate'", String.class, device);
        jdbc().update("update machine set isolation_state = 'Isolated', computer_dns_name = 'forged' where id = ?",
                device);
        jdbc().update("update machine_action set status = 'Pending' where id = ?", isolation);

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
        assertThat(get("/api/machineactions/" + isolation).getBody().get("status").asText()).isNotEqualTo("Pending");
        assertEqualVerification(runRebuild("kafka", "verify"));
    }

    @Test
    @Order(3)
    void duringRebuild_readsAreAnswered_andEventsArrivingAreKeptAfterTheSwitch() throws Exception {
        String old = seedVariedHistory(1).get(0);
        awaitLiveProjected();
        JsonNode oldBefore = get("/api/machines/" + old).getBody();
        gate().holdAt(RebuildPhase.CATCHING_UP);

        String id = start("kafka", "switch").getBody().get("id").asText();
        gate().awaitReached();

        // Built beside the live tables, which keep answering and keep projecting.
        assertThat(jdbc().queryForObject("select count(*) from timeline_entry_rebuild", Long.class)).isPositive();
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
        gate().holdAt(RebuildPhase.VERIFYING);
        gate().awaitReached();
        String whilePaused = newId("dev");
        send(TestEvents.registered(whilePaused, at(0)));
        send(TestEvents.isolated(old, isolation, IsolationType.Full, at(901)));
        assertThat(get("/api/machines/" + old).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/machines/" + builtMeanwhile).getStatusCode()).isEqualTo(HttpStatus.OK);
        gate().releaseAll();

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
        assertThat(jdbc().queryForObject("select count(*) from machine_action where bulk_action_id is not null",
                Long.class)).isEqualTo(bulkActionsWritten);
        assertEqualVerification(runRebuild("kafka", "verify"));
    }

    // ---- history ---------------------------------------------------------------------------------------------

    /**
     * Devices with every kind of action outcome: isolations of both types that succeed, fail, are cancelled or
     * time out, releases that succeed, fail or are cancelled, details updates (of the risk score and exposure level
     * too), and device groups: assigned, moved, and none.
     *
     * @return the device ids
     */
    protected List<String> seedVariedHistory(int deviceCount) {
        List<String> devices = new ArrayList<>();
        // Every sixth device's isolation and release are parts of two bulk actions, whose own events are on the topic
        // and in the event store beside the devices' (their targets are not named here: no read model keeps them).
        String bulkIsolation = newId("bulk");
        String bulkRelease = newId("bulk");
        send(TestEvents.bulkRequested(bulkIsolation, ActionType.Isolate, List.of("dev-x"), at(0)));
        send(TestEvents.bulkRequested(bulkRelease, ActionType.Unisolate, List.of("dev-x"), at(0)));
        for (int i = 0; i < deviceCount; i++) {
            String device = newId("dev");
            devices.add(device);
            long t = i * 100L;
            String isolate = newId("iso");
            String release = newId("rel");
            // Every risk score and exposure level an inventory can report, so that a rebuild must reproduce them.
            send(TestEvents.registered(device, RiskScore.values()[i % RiskScore.values().length],
                    ExposureLevel.values()[i % ExposureLevel.values().length], at(t)));
            // Devices in a group, moved between groups, and (every fifth) in none, registered before groups existed.
            String group = i % 5 == 4 ? null : "Group " + i % 3;
            if (group != null) {
                send(TestEvents.groupChanged(device, i % 3, group, null, at(t)));
            }
            switch (i % 6) {
                case 0 -> {
                    send(TestEvents.isolationRequested(device, isolate, IsolationType.Full, at(t + 1), bulkIsolation));
                    send(TestEvents.started(device, isolate, ActionType.Isolate, at(t + 2)));
                    send(TestEvents.isolated(device, isolate, IsolationType.Full, at(t + 3)));
                    send(TestEvents.releaseRequested(device, release, at(t + 4), bulkRelease));
                    bulkActionsWritten += 2;
                    send(TestEvents.groupChanged(device, 7, "Moved", group, at(t + 5)));
                    send(TestEvents.released(device, release, at(t + 5)));
                }
                case 1 -> {
                    send(TestEvents.isolationRequested(device, isolate, IsolationType.Selective, at(t + 1)));
                    send(TestEvents.tagAdded(device, "Finance", at(t + 2)));
                    send(TestEvents.tagAdded(device, "VIP " + i, at(t + 3)));
                    send(TestEvents.cancelled(device, isolate, ActionType.Isolate, at(t + 4)));
                    send(TestEvents.tagRemoved(device, "Finance", at(t + 5)));
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
                    send(TestEvents.detailsUpdated(device, "renamed-" + i, RiskScore.High, ExposureLevel.Medium,
                            at(t + 1)));
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
        send(TestEvents.bulkDispatched(bulkIsolation, (deviceCount + 5) / 6, 0, at(deviceCount * 100L)));
        send(TestEvents.bulkDispatched(bulkRelease, (deviceCount + 5) / 6, 0, at(deviceCount * 100L)));
        producer().flush();
        return devices;
    }

    /** Stores the event as the command side's event store would, then publishes it as its publisher would. */
    protected void send(CordonEvent event) {
        String device = event.subject();
        boolean bulk = event instanceof BulkActionEvent;
        long sequence = sequences.merge(device, 1L, Long::sum) - 1;
        String eventId = UUID.randomUUID().toString();
        try {
            eventStore().update("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, ?, ?, ?, ?, ?, null)""", eventId, device, sequence, bulk ? "BulkAction" : "Device",
                    event.occurredAt().toString(), event.getClass().getName(),
                    EventCatalog.of(event.getClass()).revision(), TestEvents.MAPPER.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        producer().send(TestSigning.signed(new ProducerRecord<>(topic(), device, TestEvents.cloudEventJson(event, sequence, eventId))));
        eventsWritten++;
        if (bulk) {
            eventsWithoutReadModel++;
        }
    }

    protected void produceRaw(String key, String value) {
        try {
            producer().send(TestSigning.signed(new ProducerRecord<>(topic(), key, value))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    protected void awaitLiveProjected() {
        producer().flush();
        eventually().until(() -> jdbc().queryForObject("select count(*) from timeline_entry", Long.class)
                == eventsWritten - eventsRejected - eventsWithoutReadModel);
    }

    /** A switch replaced every read model: open change streams are told to refetch; a verification is not. */
    @Test
    @Order(5)
    void switch_tellsChangeStreamsToReset_verifyDoesNot() {
        try (SseClient stream = SseClient.connect(rest().getRootUri())) {
            assertThat(stream.next(Duration.ofSeconds(10)).name()).isEqualTo("ready");

            assertThat(runRebuild("kafka", "verify").get("phase").asText()).isEqualTo("done");
            assertThat(stream.drain()).extracting(SseClient.Event::name).doesNotContain("reset");

            assertThat(runRebuild("kafka", "switch").get("phase").asText()).isEqualTo("done");
            stream.next(event -> event.name().equals("reset"), Duration.ofSeconds(10));
        }
    }

    // ---- the operation ---------------------------------------------------------------------------------------

    protected JsonNode runRebuild(String source, String mode) {
        ResponseEntity<JsonNode> started = start(source, mode);
        return awaitFinished(started.getBody().get("id").asText());
    }

    protected ResponseEntity<JsonNode> start(String source, String mode) {
        ResponseEntity<JsonNode> response = post("{\"source\":\"" + source + "\",\"mode\":\"" + mode + "\"}",
                new HttpHeaders());
        assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.ACCEPTED);
        return response;
    }

    protected ResponseEntity<JsonNode> post(String body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest().exchange("/actuator/readmodels", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    protected JsonNode status() {
        ResponseEntity<JsonNode> response = rest().getForEntity("/actuator/readmodels", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    protected JsonNode awaitFinished(String id) {
        eventually().until(() -> {
            JsonNode status = status();
            return status.get("id").asText().equals(id) && finished(status);
        });
        return status();
    }

    private static boolean finished(JsonNode status) {
        return List.of("done", "failed", "idle").contains(status.get("phase").asText());
    }

    protected static void assertEqualVerification(JsonNode status) {
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
    protected void printFigures(String what, JsonNode status) {
        System.out.printf("Read-model rebuild (%s%s): %d events in %.3f s, %.0f events/s%n", what, figuresNote(),
                status.get("eventsDone").asLong(), status.get("elapsedSeconds").asDouble(),
                status.get("eventsPerSecond").asDouble());
    }

    /** Appended to the printed figures' label, to tell the databases apart. */
    protected String figuresNote() {
        return "";
    }

    protected ResponseEntity<JsonNode> get(String path) {
        return rest().getForEntity(path, JsonNode.class);
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }
}
