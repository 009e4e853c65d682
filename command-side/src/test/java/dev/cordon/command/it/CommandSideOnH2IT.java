package dev.cordon.command.it;

import static dev.cordon.command.support.CommandSideInstances.api;
import static dev.cordon.command.support.CommandSideInstances.jdbc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.Concurrently;
import dev.cordon.command.support.H2TestServer;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.TopicReader;
import dev.cordon.events.kafka.KafkaContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The command side on H2 as standalone mode runs it: an H2 TCP server on a free port with its files in a fresh
 * directory, the event store chosen by nothing but the JDBC URL. Axon's event and token stores, the deadlines in
 * db-scheduler's table, the action index, the duplicate-key race and the Kafka publisher all work there, and the
 * state survives a restart.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class CommandSideOnH2IT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static H2TestServer h2;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        h2 = H2TestServer.start();
        app = startInstance();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (h2 != null) {
            h2.close();
        }
    }

    /** A timeout short enough to watch one fire, long enough for every other test's action to end first. */
    private static ConfigurableApplicationContext startInstance() {
        return CommandSideInstances.start(h2.url("cordon_events"), H2TestServer.USER, brokers(), List.of(),
                "--cordon.actions.timeout=PT8S", "--db-scheduler.polling-interval=500ms");
    }

    @Test
    void schema_isTheH2Migrations() {
        assertThat(jdbc(app).queryForList("select script from flyway_schema_history where type = 'SQL' order by "
                + "installed_rank", String.class)).containsExactly("V1__event_store.sql", "V2__scheduled_tasks.sql",
                "V3__action_index.sql", "V4__rate_limit_buckets.sql", "V5__device_aliases.sql",
                "V6__device_presence.sql", "V7__idempotency_keys.sql", "V8__device_groups.sql",
                "V9__action_deadlines.sql", "V10__bulk_actions.sql",
                "V11__device_state_checkpoints.sql");
        assertThat(jdbc(app).queryForObject("select data_type from information_schema.columns "
                + "where table_name = 'domain_event_entry' and column_name = 'payload'", String.class))
                .isEqualToIgnoringCase("binary varying");
    }

    @Test
    void register_isolate_report_release_cancel() {
        HttpApi api = api(app);
        String device = newDevice();
        assertThat(api.register(device, "host-h2", "Windows11", "22631").status()).isEqualTo(201);
        assertThat(api.register(device, "host-h2", "Windows11", "26100").status()).isEqualTo(200);

        Response isolation = api.isolate(device, "Selective");
        assertThat(isolation.status()).as(isolation.raw()).isEqualTo(201);
        String isolationId = isolation.body().get("id").asText();
        JsonNode pending = api.get("/api/agent/machines/" + device + "/pendingactions").body().get("value");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("id").asText()).isEqualTo(isolationId);
        assertThat(api.report(isolationId, "InProgress").body().get("status").asText()).isEqualTo("InProgress");
        assertThat(api.report(isolationId, "Succeeded").body().get("status").asText()).isEqualTo("Succeeded");
        Response again = api.isolate(device, "Full");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().at("/error/code").asText()).isEqualTo("ActiveRequestAlreadyExists");

        String releaseId = api.release(device).body().get("id").asText();
        Response cancelled = api.post("/api/machineactions/" + releaseId + "/cancel", "{\"Comment\":\"Wrong one\"}");
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("Cancelled");
        assertThat(cancelled.body().get("cancellationComment").asText()).isEqualTo("Wrong one");

        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceDetailsUpdatedEvent",
                "DeviceIsolationRequestedEvent", "MachineActionStartedEvent", "DeviceIsolatedEvent",
                "DeviceReleaseRequestedEvent", "MachineActionCancelledEvent");
        assertThat(jdbc(app).queryForList("select status from action_index where device_id = ? order by created_at",
                String.class, device)).containsExactly("Succeeded", "Cancelled");
    }

    /** A bulk's tables, its dispatch and its counts on H2's SQL (offsets, its indexes without conditions). */
    @Test
    void bulkIsolation_dispatchesEveryTarget_andCountsItsActions() {
        HttpApi api = api(app);
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String device = newDevice();
            assertThat(api.register(device, "host-bulk-" + i, "Windows11", "22631").status()).isEqualTo(201);
            devices.add(device);
        }
        String unknown = newDevice();
        Response bulk = api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"Worm\",\"MachineIds\":["
                + String.join(",", List.of(devices.get(0), devices.get(1), devices.get(2), unknown).stream()
                .map(id -> "\"" + id + "\"").toList()) + "]}");
        assertThat(bulk.status()).as(bulk.raw()).isEqualTo(202);
        String bulkId = bulk.body().get("id").asText();

        await().atMost(Duration.ofSeconds(60)).until(() -> "Dispatched".equals(api.get("/api/bulkactions/"
                + bulkId).body().get("status").asText()));
        JsonNode done = api.get("/api/bulkactions/" + bulkId + "?$top=2&$skip=1").body();
        assertThat(done.at("/counts/accepted").asInt()).isEqualTo(3);
        assertThat(done.at("/counts/Pending").asInt()).isEqualTo(3);
        assertThat(done.at("/refusals/0/machineId").asText()).isEqualTo(unknown);
        assertThat(done.get("actions")).hasSize(2);
        assertThat(api.post("/api/bulkactions/" + bulkId + "/cancel", "{\"Comment\":\"Stop\"}").body()
                .at("/counts/Cancelled").asInt()).isEqualTo(3);
    }

    /**
     * Two instances, so that Axon's in-process lock does not serialise the requests and H2's unique key decides:
     * its duplicate-key error must become a retry that answers by the rules, never a 500.
     */
    @Test
    void isolate_concurrentRequestsOnTwoInstances_acceptExactlyOne() throws Exception {
        String device = newDevice();
        assertThat(api(app).register(device, "host-race", "Windows11", "22631").status()).isEqualTo(201);
        try (ConfigurableApplicationContext second = startInstance()) {
            List<Response> responses = Concurrently.run(24, i -> api(i % 2 == 0 ? app : second).isolate(device, "Full"));

            Map<String, Long> outcomes = responses.stream().collect(Collectors.groupingBy(
                    r -> r.status() + " " + (r.status() == 201 ? "" : r.body().at("/error/code").asText()),
                    Collectors.counting()));
            assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                    Map.of("201 ", 1L, "400 ActiveRequestAlreadyExists", 23L));
        }
        assertThat(eventTypes(device)).startsWith("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent")
                .filteredOn("DeviceIsolationRequestedEvent"::equals).hasSize(1);
    }

    @Test
    void duplicateDeviceSequence_isRecognisedAsAConcurrentWrite() {
        String device = newDevice();
        api(app).register(device, "host-dup", "Windows11", "22631");
        JdbcTemplate jdbc = jdbc(app);
        Throwable duplicate = catchThrowable(() -> jdbc.update("insert into domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload) "
                + "values (?, ?, 0, 'Device', '2024-01-01T00:00:00Z', 'x', X'00')", UUID.randomUUID().toString(),
                device));

        assertThat(duplicate).isNotNull();
        assertThat(app.getBean(PersistenceExceptionResolver.class).isDuplicateKeyViolation((Exception) duplicate))
                .isTrue();
    }

    @Test
    void actionTimeout_firesThroughDbScheduler() {
        HttpApi api = api(app);
        String device = newDevice();
        api.register(device, "host-timeout", "Windows11", "22631");
        String action = api.isolate(device, "Full").body().get("id").asText();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(eventTypes(device)).endsWith("MachineActionTimedOutEvent"));
        assertThat(jdbc(app).queryForObject("select status from action_index where action_id = ?", String.class,
                action)).isEqualTo("TimeOut");
        assertThat(api.isolate(device, "Full").status()).as("the device is NotIsolated again").isEqualTo(201);
    }

    @Test
    void everyStoredEvent_isPublishedToKafka_inDeviceOrder() {
        HttpApi api = api(app);
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String device = newDevice();
            devices.add(device);
            api.register(device, "host-k" + i, "Windows11", "22631");
            String isolation = api.isolate(device, "Full").body().get("id").asText();
            api.report(isolation, "Succeeded");
        }
        Set<String> stored = new HashSet<>();
        for (String device : devices) {
            stored.addAll(jdbc(app).queryForList("select event_identifier from domain_event_entry "
                    + "where aggregate_identifier = ?", String.class, device));
        }
        assertThat(stored).as("registered, put in its group, isolation requested, isolated").hasSize(3 * 4);

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(brokers(), KafkaContract.DEFAULT_TOPIC,
                Duration.ofSeconds(60), read -> read.stream().map(r -> json(r.value()).get("id").asText())
                        .collect(Collectors.toSet()).containsAll(stored));
        Map<String, Long> lastSequence = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (devices.contains(record.key())) {
                long sequence = json(record.value()).get("sequence").asLong();
                Long previous = lastSequence.put(record.key(), sequence);
                assertThat(sequence).as("sequence of %s", record.key()).isEqualTo(previous == null ? 0 : previous + 1);
            }
        }
        assertThat(lastSequence.keySet()).containsExactlyInAnyOrderElementsOf(devices);
    }

    /** Standalone mode's promise: state under the data directory survives a restart. */
    @Test
    void state_survivesARestart() {
        String device = newDevice();
        String action;
        HttpApi before = api(app);
        before.register(device, "host-restart", "Windows11", "22631");
        action = before.isolate(device, "Full").body().get("id").asText();
        before.report(action, "Succeeded");

        app.close();
        app = startInstance();

        HttpApi after = api(app);
        assertThat(after.register(device, "host-restart", "Windows11", "22631").status())
                .as("known after the restart").isEqualTo(200);
        Response again = after.isolate(device, "Full");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().at("/error/code").asText()).isEqualTo("ActiveRequestAlreadyExists");
        String release = after.release(device).body().get("id").asText();
        assertThat(after.report(release, "Succeeded").status()).isEqualTo(200);
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent",
                "DeviceIsolatedEvent", "DeviceReleaseRequestedEvent", "DeviceReleasedEvent");
    }

    // --- helpers ---

    private static String brokers() {
        return EmbeddedKafkaCondition.getBroker().getBrokersAsString();
    }

    private static String newDevice() {
        return "h2" + UUID.randomUUID().toString().replace("-", "");
    }

    private static List<String> eventTypes(String device) {
        return CommandSideInstances.eventTypes(jdbc(app), device);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

}
