package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.kafka.KafkaContract;
import dev.cordon.events.kafka.RecordSignature;
import dev.cordon.query.QuerySideApplication;
import dev.cordon.query.action.EventStoreActionLookup;
import dev.cordon.query.changes.Change;
import dev.cordon.query.projection.DeviceEventProjection;
import dev.cordon.query.projection.RecordIntegrity;
import dev.cordon.query.projection.RecordedEvent;
import dev.cordon.query.support.H2TestServer;
import dev.cordon.query.support.SseClient;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.service.testing.TestSigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The query side on H2 as standalone mode runs it: an H2 TCP server on a free port with its files in a fresh
 * directory holds the read models and, made by the command side's own H2 migrations, the event store whose
 * action_index answers read-your-writes. The databases are chosen by nothing but the JDBC URLs.
 */
@EmbeddedKafka(kraft = true, partitions = 3, topics = KafkaContract.DEFAULT_TOPIC)
class QuerySideOnH2IT {

    /** Relative to the query-side module directory, the tests' working directory. */
    private static final String COMMAND_SIDE_H2_MIGRATIONS =
            "filesystem:../command-side/src/main/resources/db/migration/h2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static H2TestServer h2;
    private static JdbcTemplate eventStore;
    private static ConfigurableApplicationContext app;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() {
        h2 = H2TestServer.start();
        String eventStoreUrl = h2.url("cordon_events");
        Flyway.configure().dataSource(eventStoreUrl, H2TestServer.USER, "").locations(COMMAND_SIDE_H2_MIGRATIONS)
                .load().migrate();
        eventStore = new JdbcTemplate(new DriverManagerDataSource(eventStoreUrl, H2TestServer.USER, ""));
        String brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        app = new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + h2.url("cordon_query"),
                "--spring.datasource.username=" + H2TestServer.USER, "--spring.datasource.password=",
                "--cordon.query.event-store.url=" + eventStoreUrl,
                "--cordon.query.event-store.username=" + H2TestServer.USER, "--cordon.query.event-store.password=",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--cordon.security.issuer-uri=" + TestIssuer.get().issuer(),
                "--cordon.kafka.signing-keys=" + TestSigning.KEYS);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (app != null) {
            app.close();
        }
        if (h2 != null) {
            h2.close();
        }
    }

    @Test
    void schema_isTheH2Migrations() {
        JdbcTemplate query = app.getBean(JdbcTemplate.class);
        assertThat(query.queryForList("select script from flyway_schema_history where type = 'SQL' "
                + "order by installed_rank", String.class)).containsExactly("V1__read_models.sql",
                "V2__last_sequence.sql", "V3__rate_limit_buckets.sql", "V4__machine_presence.sql",
                "V5__machine_tags.sql", "V6__machine_risk.sql", "V7__machine_device_group.sql",
                "V8__dashboard_sessions.sql", "V9__machine_action_bulk.sql");
    }

    @Test
    void recordsFromKafka_areProjectedToActionsTimelineAndDevice() {
        String device = newId("dev");
        String isolate = newId("iso");
        String release = newId("rel");
        List<String> values = produceAll(device, List.of(
                TestEvents.registered(device, at(0)),
                TestEvents.isolationRequested(device, isolate, IsolationType.Full, at(10)),
                TestEvents.started(device, isolate, ActionType.Isolate, at(20)),
                TestEvents.isolated(device, isolate, IsolationType.Full, at(30)),
                TestEvents.releaseRequested(device, release, at(40)),
                TestEvents.released(device, release, at(50))));
        awaitTimelineSize(device, 6);

        produce(device, values.get(2)); // a redelivery changes nothing
        JsonNode isolation = get("/api/machineactions/" + isolate).body();
        assertThat(isolation.get("status").asText()).isEqualTo("Succeeded");
        assertThat(isolation.get("scope").asText()).isEqualTo("Full");
        assertThat(isolation.get("creationDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:10Z");
        assertThat(isolation.get("lastUpdateDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:30Z");
        assertThat(get("/api/machineactions/" + release).body().get("status").asText()).isEqualTo("Succeeded");

        JsonNode machine = get("/api/machines/" + device).body();
        assertThat(machine.get("isolationState").asText()).isEqualTo("NotIsolated");
        assertThat(machine.get("lastActionId").asText()).isEqualTo(release);
        assertThat(machine.get("firstSeen").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(machine.get("lastUpdate").asText()).isEqualTo("2024-01-01T00:00:50Z");

        JsonNode timeline = get("/api/machines/" + device + "/timeline").body().get("value");
        assertThat(texts(timeline, "eventType")).containsExactly("DeviceRegistered", "DeviceIsolationRequested",
                "MachineActionStarted", "DeviceIsolated", "DeviceReleaseRequested", "DeviceReleased");
        assertThat(texts(timeline, "sequence")).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(timeline.get(1).get("timestamp").asText()).isEqualTo("2024-01-01T00:00:10Z");
    }

    /** The device-group predicate in H2's dialect: a caller limited to Servers sees the server, not the workstation. */
    @Test
    void readsOfACallerLimitedToAGroup_showOnlyItsDevices() {
        String server = newId("srv");
        String workstation = newId("ws");
        String action = guid();
        produceAll(server, List.of(TestEvents.registered(server, at(0)),
                TestEvents.groupChanged(server, 1, "Servers", null, at(0))));
        produceAll(workstation, List.of(TestEvents.registered(workstation, at(0)),
                TestEvents.groupChanged(workstation, 2, "Workstations", null, at(0)),
                TestEvents.isolationRequested(workstation, action, IsolationType.Full, at(1))));
        awaitTimelineSize(server, 2);
        awaitTimelineSize(workstation, 3);
        String responder = "Bearer " + TestIssuer.get().user("responder@corp.example", CordonRole.RESPONDER,
                List.of("SERVERS"), "Machine.Read.All");
        String ours = "id eq '" + server + "' or id eq '" + workstation + "'";

        assertThat(ids(getAs(responder, "/api/machines", "$filter", ours))).containsExactly(server);
        assertThat(ids(get("/api/machines", "$filter", "rbacGroupName eq 'workstations' and (" + ours + ")")))
                .containsExactly(workstation);
        assertThat(getAs(responder, "/api/machines/" + workstation).status()).isEqualTo(404);
        assertThat(getAs(responder, "/api/machines/" + workstation + "/timeline").status()).isEqualTo(404);
        assertThat(getAs(responder, "/api/machineactions/" + action).status()).isEqualTo(404);
        assertThat(ids(getAs(responder, "/api/machineactions", "$filter", "machineId eq '" + workstation + "'")))
                .isEmpty();
        assertThat(getAs(responder, "/api/machines/" + server).body().get("rbacGroupName").asText())
                .isEqualTo("Servers");
    }

    /** The H2 upsert keeps PostgreSQL's rule: an event older than the view's newest goes to the timeline only. */
    /**
     * A plain Kafka client that reaches the topic (as any local process could) writes a release the command side
     * never made: unsigned, signed with another key, and a genuine record's signature on a changed value. None of
     * them reaches a read model; they are counted and reported by health, and the next genuine record is projected.
     */
    @Test
    void recordsTheCommandSideDidNotSign_reachNoReadModel() throws Exception {
        String device = newId("dev");
        String isolate = newId("iso");
        String forged = newId("rel");
        List<String> values = produceAll(device, List.of(
                TestEvents.registered(device, at(0)),
                TestEvents.isolationRequested(device, isolate, IsolationType.Full, at(10)),
                TestEvents.isolated(device, isolate, IsolationType.Full, at(30))));
        awaitTimelineSize(device, 3);
        long rejectedBefore = app.getBean(RecordIntegrity.class).rejectedCount();

        String request = TestEvents.cloudEventJson(TestEvents.releaseRequested(device, forged, at(40)), 3);
        String release = TestEvents.cloudEventJson(TestEvents.released(device, forged, at(50)), 4);
        producer.send(new ProducerRecord<>(KafkaContract.DEFAULT_TOPIC, device, request)).get();
        ProducerRecord<String, String> otherKey = new ProducerRecord<>(KafkaContract.DEFAULT_TOPIC, device, release);
        otherKey.headers().add(RecordSignature.HEADER, new RecordSignature(RecordSignature.newKey("test"))
                .sign(device, release).getBytes(StandardCharsets.UTF_8));
        producer.send(otherKey).get();
        ProducerRecord<String, String> tampered = new ProducerRecord<>(KafkaContract.DEFAULT_TOPIC, device, release);
        tampered.headers().add(RecordSignature.HEADER,
                TestSigning.sign(device, values.get(2)).getBytes(StandardCharsets.UTF_8));
        producer.send(tampered).get();
        produce(device, TestEvents.cloudEventJson(TestEvents.detailsUpdated(device, "host-renamed", at(60)), 3));
        awaitTimelineSize(device, 4);

        assertThat(get("/api/machines/" + device).body().get("isolationState").asText()).isEqualTo("Isolated");
        assertThat(get("/api/machineactions/" + forged).status()).isEqualTo(404);
        assertThat(texts(get("/api/machines/" + device + "/timeline").body().get("value"), "eventType"))
                .doesNotContain("DeviceReleaseRequested", "DeviceReleased");
        assertThat(app.getBean(RecordIntegrity.class).rejectedCount()).isEqualTo(rejectedBefore + 3);
        JsonNode health = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + ((WebServerApplicationContext) app).getWebServer().getPort() + "/actuator/health"))
                .header("Authorization", TestIssuer.bearer()).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(health.at("/components/recordIntegrity/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/recordIntegrity/details/rejectedRecords").asLong())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void olderEventArrivingLate_doesNotTurnTheViewsBack() {
        String device = newId("dev");
        String isolate = newId("iso");
        DeviceEvent started = TestEvents.started(device, isolate, ActionType.Isolate, at(20));
        produce(device, TestEvents.cloudEventJson(TestEvents.registered(device, at(0)), 0));
        produce(device, TestEvents.cloudEventJson(
                TestEvents.isolationRequested(device, isolate, IsolationType.Selective, at(10)), 1));
        produce(device, TestEvents.cloudEventJson(TestEvents.isolated(device, isolate, IsolationType.Selective,
                at(30)), 3));
        produce(device, TestEvents.cloudEventJson(started, 2));
        awaitTimelineSize(device, 4);

        assertThat(get("/api/machineactions/" + isolate).body().get("status").asText()).isEqualTo("Succeeded");
        assertThat(get("/api/machines/" + device).body().get("isolationState").asText()).isEqualTo("Isolated");
    }

    @Test
    void machineActions_filterOrderTopSkip() {
        DeviceEventProjection projection = app.getBean(DeviceEventProjection.class);
        String a = newId("dev-a");
        String b = newId("dev-b");
        List<String> actions = List.of(guid(), guid(), guid(), guid());
        apply(projection, 0, TestEvents.registered(a, at(0)));
        apply(projection, 0, TestEvents.registered(b, at(0)));
        apply(projection, 1, TestEvents.isolationRequested(a, actions.get(0), IsolationType.Full, at(100)));
        apply(projection, 1, TestEvents.isolationRequested(b, actions.get(1), IsolationType.Full, at(200)));
        apply(projection, 2, TestEvents.isolated(a, actions.get(0), IsolationType.Full, at(250)));
        apply(projection, 3, TestEvents.releaseRequested(a, actions.get(2), at(300)));
        apply(projection, 2, TestEvents.cancelled(b, actions.get(1), ActionType.Isolate, at(350)));
        apply(projection, 3, TestEvents.isolationRequested(b, actions.get(3), IsolationType.Selective, at(400)));
        String both = "(machineId eq '" + a + "' or machineId eq '" + b + "')";

        assertThat(ids(get("/api/machineactions", "$filter", both)))
                .as("newest first by default").containsExactly(actions.get(3), actions.get(2), actions.get(1),
                        actions.get(0));
        assertThat(ids(get("/api/machineactions", "$filter", both, "$orderby", "creationDateTimeUtc asc")))
                .containsExactlyElementsOf(actions);
        assertThat(ids(get("/api/machineactions", "$filter", both + " and status eq 'Pending'")))
                .containsExactly(actions.get(3), actions.get(2));
        assertThat(ids(get("/api/machineactions", "$filter", both + " and type eq 'Isolate' and status ne 'Pending'")))
                .containsExactly(actions.get(1), actions.get(0));
        String window = "creationDateTimeUtc gt 2024-01-01T00:03:20Z and creationDateTimeUtc le 2024-01-01T00:06:40Z";
        assertThat(ids(get("/api/machineactions", "$filter", both + " and " + window)))
                .containsExactly(actions.get(3), actions.get(2));
        assertThat(ids(get("/api/machineactions", "$filter", both, "$orderby", "creationDateTimeUtc asc",
                "$top", "2", "$skip", "1"))).containsExactly(actions.get(1), actions.get(2));
        assertThat(ids(get("/api/machineactions", "$filter", "id eq '" + actions.get(0).toUpperCase() + "'")))
                .containsExactly(actions.get(0));
        assertThat(ids(get("/api/machineactions", "$filter", "requestor eq 'nobody'"))).isEmpty();
    }

    /** Devices without a name sort after the named ones, and before them in reverse, as on PostgreSQL. */
    @Test
    void machines_filterAndOrderWithAMissingName() {
        DeviceEventProjection projection = app.getBean(DeviceEventProjection.class);
        String named1 = newId("a");
        String named2 = newId("b");
        String unnamed = newId("c");
        apply(projection, 0, TestEvents.detailsUpdated(named1, "alpha.corp.example", at(0)));
        apply(projection, 0, TestEvents.detailsUpdated(named2, "bravo.corp.example", at(0)));
        apply(projection, 0, TestEvents.isolationRequested(unnamed, newId("act"), IsolationType.Full, at(0)));
        // the third device's first event names no device: it has no computerDnsName
        String all = "id eq '" + named1 + "' or id eq '" + named2 + "' or id eq '" + unnamed + "'";

        assertThat(ids(get("/api/machines", "$filter", all))).containsExactly(named1, named2, unnamed);
        assertThat(ids(get("/api/machines", "$filter", all, "$orderby", "computerDnsName asc")))
                .containsExactly(named1, named2, unnamed);
        assertThat(ids(get("/api/machines", "$filter", all, "$orderby", "computerDnsName desc")))
                .containsExactly(unnamed, named2, named1);
        assertThat(ids(get("/api/machines", "$filter", "computerDnsName eq 'bravo.corp.example' and ("
                + all + ")"))).containsExactly(named2);
        assertThat(ids(get("/api/machines", "$filter", "(" + all + ") and isolationState eq 'IsolationPending'")))
                .containsExactly(unnamed);
        assertThat(ids(get("/api/machines", "$filter", all, "$orderby", "id desc", "$top", "1", "$skip", "1")))
                .containsExactly(named2);
    }

    /** An action only the command side knows yet is read from action_index in the H2 event store. */
    @Test
    void actionOnlyInTheEventStore_isReadFromItsActionIndex() {
        String device = newId("dev");
        String action = UUID.randomUUID().toString();
        eventStore.update("""
                insert into action_index (action_id, device_id, action_type, scope, status, computer_dns_name,
                    requestor, requestor_comment, request_source, external_id, created_at, last_update,
                    cancellation_requestor, cancellation_comment, cancelled_at, error_hresult)
                values (?, ?, 'Isolate', 'Selective', 'Cancelled', 'laptop-042', 'analyst@corp.example',
                    'Ransomware alert 4711', 'PublicApi', 'ext-7', ?, ?, 'lead@corp.example', 'False positive', ?, 0)
                """, action, device, Timestamp.from(at(10)), Timestamp.from(at(20)), Timestamp.from(at(20)));

        Response found = get("/api/machineactions/" + action.toUpperCase());
        assertThat(found.status()).isEqualTo(200);
        JsonNode body = found.body();
        assertThat(body.get("id").asText()).isEqualTo(action);
        assertThat(body.get("machineId").asText()).isEqualTo(device);
        assertThat(body.get("status").asText()).isEqualTo("Cancelled");
        assertThat(body.get("scope").asText()).isEqualTo("Selective");
        assertThat(body.get("creationDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:10Z");
        assertThat(body.get("cancellationDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:20Z");
        assertThat(body.get("cancellationComment").asText()).isEqualTo("False positive");

        Response missing = get("/api/machineactions/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().at("/error/code").asText()).isEqualTo("ResourceNotFound");

        // A lookup that hangs (a lock, a stalled server) is cancelled by H2 as PostgreSQL would cancel it.
        DataSource lookup = app.getBean(EventStoreActionLookup.DATA_SOURCE, DataSource.class);
        assertThat(new JdbcTemplate(lookup).queryForObject("select setting_value from information_schema.settings "
                + "where setting_name = 'QUERY_TIMEOUT'", String.class)).isEqualTo("2000");
    }

    /** One instance on H2: changes go out in process, after the projection's commit. */
    @Test
    void changeFeed_announcesEachEventOnceTheReadModelShowsIt() {
        String device = newId("dev");
        String isolation = guid();
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        try (SseClient stream = SseClient.connect(base)) {
            assertThat(stream.next(Duration.ofSeconds(10))).isEqualTo(new SseClient.Event("ready", "{}"));
            List<DeviceEvent> events = List.of(TestEvents.registered(device, at(0)),
                    TestEvents.isolationRequested(device, isolation, IsolationType.Full, at(10)),
                    TestEvents.started(device, isolation, ActionType.Isolate, at(20)),
                    TestEvents.isolated(device, isolation, IsolationType.Full, at(30)));
            List<String> statuses = List.of("", "Pending", "InProgress", "Succeeded");
            for (int sequence = 0; sequence < events.size(); sequence++) {
                DeviceEvent event = events.get(sequence);
                produce(device, TestEvents.cloudEventJson(event, sequence));
                String expected = Change.of(event).toJson();
                stream.next(e -> e.name().equals("change") && e.data().equals(expected), Duration.ofSeconds(30));
                // Read on receipt: sent before the commit, it would find the state before.
                if (sequence > 0) {
                    assertThat(get("/api/machineactions/" + isolation).body().get("status").asText())
                            .isEqualTo(statuses.get(sequence));
                }
            }
        }
    }

    // --- helpers ---

    private record Response(int status, JsonNode body) {
    }

    private static String guid() {
        return UUID.randomUUID().toString();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static void apply(DeviceEventProjection projection, long sequence, DeviceEvent event) {
        projection.apply(new RecordedEvent(UUID.randomUUID().toString(), sequence, event));
    }

    /** Produces the events in order, numbered from 0 as the aggregate does; returns the values produced. */
    private static List<String> produceAll(String device, List<DeviceEvent> events) {
        List<String> values = new ArrayList<>();
        for (DeviceEvent event : events) {
            String value = TestEvents.cloudEventJson(event, values.size());
            produce(device, value);
            values.add(value);
        }
        return values;
    }

    private static void produce(String key, String value) {
        try {
            producer.send(TestSigning.signed(new ProducerRecord<>(KafkaContract.DEFAULT_TOPIC, key, value))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTimelineSize(String device, int size) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = get("/api/machines/" + device + "/timeline");
            return response.status() == 200 && response.body().get("value").size() == size;
        });
    }

    /** Query values are encoded strictly, the way a careful client does. */
    private static Response get(String path, String... queryNamesAndValues) {
        return getAs(TestIssuer.bearer(), path, queryNamesAndValues);
    }

    private static Response getAs(String authorization, String path, String... queryNamesAndValues) {
        StringBuilder uri = new StringBuilder("http://127.0.0.1:")
                .append(((WebServerApplicationContext) app).getWebServer().getPort()).append(path);
        for (int i = 0; i < queryNamesAndValues.length; i += 2) {
            uri.append(i == 0 ? '?' : '&').append(encode(queryNamesAndValues[i])).append('=')
                    .append(encode(queryNamesAndValues[i + 1]));
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri.toString()))
                            .header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("value").forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).isNull() ? null : node.get(field).asText()));
        return values;
    }
}
