package dev.cordon.command.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cordon.command.action.ActionIndexFaults;
import dev.cordon.command.support.DemoDeviceGroups;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.TestDatabase;
import dev.cordon.command.support.TopicReader;
import dev.cordon.events.kafka.KafkaContract;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bulk actions on the command side as it ships, on real PostgreSQL and an in-process Kafka broker, with a stub of the
 * query side's device list (the Filter's resolution; the real one is the system tests'). A short lease and resumption
 * interval let a dispatch that stopped be resumed within the test. Each test calls as a caller of its own, so that
 * the machine-actions rate limit (200 a minute here) is shown on its own caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.datasource.hikari.maximum-pool-size=6",
        "cordon.rate-limits.machine-actions.per-minute=200",
        "cordon.rate-limits.machine-actions.per-hour=100000",
        "cordon.bulk.lease=2s",
        "cordon.bulk.resume-interval=300ms"})
@EmbeddedKafka(kraft = true, partitions = 3)
@Import(ActionIndexFaults.Config.class)
class BulkActionsIT {

    private static final TestDatabase DB = TestDatabase.create("bulk_it");
    private static final QuerySideStub QUERY_SIDE = new QuerySideStub();
    private static final String ISOLATE_AND_READ[] = {"Machine.Isolate", "Machine.Read.All", "Machine.ReadWrite.All"};

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::user);
        registry.add("cordon.query-side.url", QUERY_SIDE::url);
        DemoDeviceGroups.PROPERTIES.forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopStub() {
        QUERY_SIDE.stop();
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BulkDispatcher dispatcher;

    // --- request and dispatch ---

    @Test
    void request_is202AtOnce_andEveryTargetGetsItsActionWithTheBulkId() {
        HttpApi api = caller("dispatch");
        List<String> devices = devices(api, 5, "Windows11");
        List<String> sent = new ArrayList<>(devices);
        sent.add(devices.get(0)); // a duplicate counts once

        HttpResponse<String> answer = api.exchange(HttpRequest.newBuilder(api.uri("/api/bulkactions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(isolate(sent))));

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode bulk = json(answer.body());
        String bulkId = bulk.get("id").asText();
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/bulkactions/" + bulkId);
        assertThat(bulk.get("action").asText()).isEqualTo("Isolate");
        assertThat(bulk.get("isolationType").asText()).isEqualTo("Full");
        assertThat(bulk.get("counts").get("targeted").asInt()).isEqualTo(5);

        JsonNode done = dispatched(api, bulkId);
        assertThat(done.get("counts").get("accepted").asInt()).isEqualTo(5);
        assertThat(done.get("counts").get("Pending").asInt()).isEqualTo(5);
        assertThat(done.get("refusals")).isEmpty();
        assertThat(machineIds(done.get("actions"))).containsExactlyInAnyOrderElementsOf(devices);
        done.get("actions").forEach(action -> {
            assertThat(action.get("bulkActionId").asText()).isEqualTo(bulkId);
            assertThat(action.get("type").asText()).isEqualTo("Isolate");
            assertThat(action.get("requestorComment").asText()).isEqualTo("Worm outbreak");
            assertThat(action.get("externalId").asText()).isEqualTo("SOAR-15");
        });
        // Each device's own action says which bulk it belongs to, in the device's history as in its events.
        Response history = api.get("/api/machines/" + devices.get(1) + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.raw()).contains("\"bulkId\":\"" + bulkId + "\"");
        // The bulk id is no device: its history is as unknown as any other name's.
        assertThat(api.get("/api/machines/" + bulkId + "/history").status()).isEqualTo(404);
        // The bulk, its targets and its outcome are in the audit export.
        Response export = api.getText("/api/audit/events");
        assertThat(export.raw()).contains("\"type\":\"dev.cordon.bulkaction.BulkActionRequested\"",
                "\"type\":\"dev.cordon.bulkaction.BulkActionDispatched\"", "\"subject\":\"" + bulkId + "\"");
        // Published as a device's events are, to the same topic, keyed by the bulk id.
        List<ConsumerRecord<String, String>> published = TopicReader.readUntil(brokers, KafkaContract.DEFAULT_TOPIC,
                Duration.ofSeconds(60), records -> records.stream().filter(r -> bulkId.equals(r.key())).count() == 2);
        assertThat(published.stream().filter(r -> bulkId.equals(r.key())).map(r -> json(r.value()).get("type")
                .asText())).containsExactly("dev.cordon.bulkaction.BulkActionRequested",
                "dev.cordon.bulkaction.BulkActionDispatched");
    }

    @Test
    void unisolate_releasesIsolatedDevices_andRefusesOnesNotIsolated() {
        HttpApi api = caller("release");
        List<String> devices = devices(api, 2, "Windows11");
        String isolation = api.isolate(devices.get(0), "Full").body().get("id").asText();
        report(devices.get(0), isolation, "Succeeded");

        String bulkId = api.post("/api/bulkactions", "{\"Action\":\"Unisolate\",\"Comment\":\"Cleaned\","
                + "\"MachineIds\":" + array(devices) + "}").body().get("id").asText();

        JsonNode done = dispatched(api, bulkId);
        assertThat(done.get("isolationType").isNull()).isTrue();
        assertThat(machineIds(done.get("actions"))).containsExactly(devices.get(0));
        assertThat(done.get("actions").get(0).get("type").asText()).isEqualTo("Unisolate");
        assertThat(done.at("/refusals/0/machineId").asText()).isEqualTo(devices.get(1));
        assertThat(done.at("/refusals/0/errorCode").asText()).isEqualTo("DeviceNotIsolated");
    }

    @Test
    void refusals_areListedWithTheSingleApisCodeAndMessage_neverSkipped() {
        HttpApi workstations = api().as(TestIssuer.get().user("responder-" + UUID.randomUUID() + "@corp.example",
                CordonRole.RESPONDER, List.of("Workstations"), ISOLATE_AND_READ));
        HttpApi admin = caller("refusals-admin");
        String fine = device(admin, "Windows11");
        String isolated = device(admin, "Windows11");
        admin.isolate(isolated, "Full");
        String mac = device(admin, "macOS");
        String server = device(admin, "WindowsServer2022");
        String unknown = newId();

        Response answer = workstations.post("/api/bulkactions", isolate(List.of(fine, isolated, mac, server,
                unknown)));

        assertThat(answer.status()).isEqualTo(202);
        String bulkId = answer.body().get("id").asText();
        JsonNode done = dispatched(workstations, bulkId);
        assertThat(done.get("counts").get("targeted").asInt()).isEqualTo(5);
        assertThat(done.get("counts").get("accepted").asInt()).isEqualTo(1);
        assertThat(done.get("counts").get("refused").asInt()).isEqualTo(4);
        assertThat(done.get("counts").get("refusedByCode").get("ResourceNotFound").asInt()).isEqualTo(2);
        Map<String, JsonNode> refusals = new ConcurrentHashMap<>();
        done.get("refusals").forEach(r -> refusals.put(r.get("machineId").asText(), r));
        assertThat(refusals.get(isolated).get("errorCode").asText()).isEqualTo("ActiveRequestAlreadyExists");
        assertThat(refusals.get(mac).get("errorCode").asText()).isEqualTo("OsPlatformNotSupported");
        // A device outside the caller's groups is refused in the very words of one that does not exist.
        assertThat(refusals.get(server).get("errorCode").asText()).isEqualTo("ResourceNotFound");
        assertThat(refusals.get(server).get("message").asText()).isEqualTo("Machine " + server + " was not found.");
        assertThat(refusals.get(unknown).get("message").asText()).isEqualTo("Machine " + unknown + " was not found.");
        assertThat(machineIds(done.get("actions"))).containsExactly(fine);
        // A caller of other groups does not see the bulk at all.
        HttpApi servers = api().as(TestIssuer.get().user("other-" + UUID.randomUUID() + "@corp.example",
                CordonRole.RESPONDER, List.of("Servers"), ISOLATE_AND_READ));
        assertThat(servers.get("/api/bulkactions/" + bulkId).status()).isEqualTo(404);
        assertThat(servers.get("/api/bulkactions/" + bulkId).body().at("/error/code").asText())
                .isEqualTo("ResourceNotFound");
    }

    @Test
    void counts_byStatus_moveAsTheAgentsReport() {
        HttpApi api = caller("counts");
        List<String> devices = devices(api, 4, "Windows11");
        String bulkId = api.post("/api/bulkactions", isolate(devices)).body().get("id").asText();
        JsonNode done = dispatched(api, bulkId);
        Map<String, String> actionOf = actionsByMachine(done.get("actions"));

        report(devices.get(0), actionOf.get(devices.get(0)), "InProgress");
        report(devices.get(1), actionOf.get(devices.get(1)), "Succeeded");
        report(devices.get(2), actionOf.get(devices.get(2)), "Failed");

        JsonNode counts = api.get("/api/bulkactions/" + bulkId).body().get("counts");
        assertThat(counts.get("Pending").asInt()).isEqualTo(1);
        assertThat(counts.get("InProgress").asInt()).isEqualTo(1);
        assertThat(counts.get("Succeeded").asInt()).isEqualTo(1);
        assertThat(counts.get("Failed").asInt()).isEqualTo(1);
        assertThat(counts.get("TimeOut").asInt()).isZero();
        assertThat(counts.get("Cancelled").asInt()).isZero();
        // Pages of actions: $top and $skip, with a link to the next page while there is one.
        JsonNode first = api.get("/api/bulkactions/" + bulkId + "?$top=3").body();
        assertThat(first.get("actions")).hasSize(3);
        assertThat(first.get("@odata.nextLink").asText()).endsWith("/api/bulkactions/" + bulkId + "?$top=3&$skip=3");
        JsonNode last = api.get("/api/bulkactions/" + bulkId + "?$top=3&$skip=3").body();
        assertThat(last.get("actions")).hasSize(1);
        assertThat(last.has("@odata.nextLink")).isFalse();
        assertError(api.get("/api/bulkactions/" + bulkId + "?$top=0"), 400, "InvalidInput", "$top");
    }

    @Test
    void cancel_cancelsTheOpenActions_andASecondCancelIsRefused() {
        HttpApi api = caller("cancel");
        List<String> devices = devices(api, 3, "Windows11");
        String bulkId = api.post("/api/bulkactions", isolate(devices)).body().get("id").asText();
        JsonNode done = dispatched(api, bulkId);
        Map<String, String> actionOf = actionsByMachine(done.get("actions"));
        report(devices.get(0), actionOf.get(devices.get(0)), "Succeeded");

        Response cancelled = api.post("/api/bulkactions/" + bulkId + "/cancel", "{\"Comment\":\"False positive\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("Cancelled");
        assertThat(cancelled.body().get("counts").get("Cancelled").asInt()).isEqualTo(2);
        assertThat(cancelled.body().get("counts").get("Succeeded").asInt()).isEqualTo(1);
        cancelled.body().get("actions").forEach(action -> {
            if (action.get("status").asText().equals("Cancelled")) {
                assertThat(action.get("cancellationComment").asText()).isEqualTo("False positive");
            }
        });
        assertError(api.post("/api/bulkactions/" + bulkId + "/cancel", "{\"Comment\":\"Again\"}"), 400,
                "InvalidActionState", "already cancelled");
    }

    @Test
    void cancel_whileDispatching_stopsTheDispatch_andNoActionStaysOpen() {
        HttpApi api = caller("cancel-early");
        List<String> devices = devices(api, 250, "Windows11");
        String bulkId = api.post("/api/bulkactions", isolate(devices)).body().get("id").asText();

        Response cancelled = api.post("/api/bulkactions/" + bulkId + "/cancel", "{\"Comment\":\"Stop\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !dispatcher.isRunning(bulkId));
        JsonNode after = api.get("/api/bulkactions/" + bulkId).body();
        assertThat(after.get("status").asText()).isEqualTo("Cancelled");
        assertThat(after.get("counts").get("Pending").asInt()).isZero();
        assertThat(after.get("counts").get("InProgress").asInt()).isZero();
        assertThat(after.get("counts").get("accepted").asInt()).isLessThan(250);
    }

    @Test
    void dispatch_thatStoppedMidway_isResumed_andNoTargetGetsTwoActions() {
        HttpApi api = caller("resume");
        List<String> devices = devices(api, 150, "Windows11");
        // The target in the second chunk whose action cannot be stored (its database "gone"): the run stops there,
        // as a replica that dies mid-dispatch, and leaves its lease to run out.
        String failing = devices.get(120);
        ActionIndexFaults.failWritesOf(failing, ActionIndexFaults::databaseGone);
        String bulkId;
        try {
            bulkId = api.post("/api/bulkactions", isolate(devices)).body().get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> progress(bulkId) == 100
                    && !dispatcher.isRunning(bulkId));
            assertThat(actionCount(bulkId)).isBetween(100, 149);
        } finally {
            ActionIndexFaults.clear(failing);
        }

        JsonNode done = dispatched(api, bulkId);

        assertThat(done.get("counts").get("accepted").asInt()).isEqualTo(150);
        assertThat(done.get("refusals")).isEmpty();
        Map<String, Integer> requestsPerDevice = jdbc.query("select aggregate_identifier, count(*) from"
                        + " domain_event_entry where payload_type like '%DeviceIsolationRequestedEvent' and"
                        + " aggregate_identifier in (" + devices.stream().map(d -> "'" + d + "'")
                        .collect(Collectors.joining(",")) + ") group by aggregate_identifier",
                rs -> {
                    Map<String, Integer> counts = new ConcurrentHashMap<>();
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getInt(2));
                    }
                    return counts;
                });
        assertThat(requestsPerDevice).hasSize(150);
        assertThat(requestsPerDevice.values()).containsOnly(1);
    }

    // --- bad input ---

    @Test
    void request_withMoreThan10000Ids_is400_andStoresNothing() {
        HttpApi api = caller("too-many");
        List<String> ids = IntStream.range(0, 10_001).mapToObj(i -> "device-" + i).toList();
        long before = bulks();

        assertError(api.post("/api/bulkactions", isolate(ids)), 400, "InvalidInput", "at most 10000");

        assertThat(bulks()).isEqualTo(before);
    }

    @Test
    void request_withBadInput_isAClear400() {
        HttpApi api = caller("bad-input");
        String id = device(api, "Windows11");
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"x\"}"), 400,
                "InvalidInput", "either MachineIds or Filter");
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"x\",\"MachineIds\":[\""
                + id + "\"],\"Filter\":\"osPlatform eq 'Windows11'\"}"), 400, "InvalidInput", "exactly one");
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"x\",\"MachineIds\":[]}"),
                400, "InvalidInput", "at least one");
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"x\",\"MachineIds\":[\""
                + id + "\",\"bad id!\"]}"), 400, "InvalidInput", "MachineIds[1]");
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Reboot\",\"Comment\":\"x\",\"MachineIds\":[\""
                + id + "\"]}"), 400, "InvalidInput", "Action");
        assertError(api.post("/api/bulkactions", "{\"Comment\":\"x\",\"MachineIds\":[\"" + id + "\"]}"), 400,
                "MissingRequiredParameter", "Action");
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Unisolate\",\"Comment\":\"x\","
                + "\"IsolationType\":\"Full\",\"MachineIds\":[\"" + id + "\"]}"), 400, "InvalidInput", "Isolate only");
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"MachineIds\":[\"" + id + "\"]}"), 400,
                "MissingRequiredParameter", "Comment");
        assertError(api.get("/api/bulkactions/not-a-guid"), 400, "InvalidInput", "GUID");
        assertError(api.get("/api/bulkactions/" + UUID.randomUUID()), 404, "ResourceNotFound", "was not found");
    }

    @Test
    void request_byACallerWithoutMachineIsolate_is403() {
        HttpApi reader = api().as(TestIssuer.get().app("bulk-reader-" + UUID.randomUUID(), "Machine.Read.All"));
        assertThat(reader.post("/api/bulkactions", isolate(List.of(newId()))).status()).isEqualTo(403);
    }

    // --- the filter ---

    @Test
    void filter_isResolvedByTheQuerySidesDeviceList_withTheCallersOwnToken() {
        String token = TestIssuer.get().app("bulk-filter-" + UUID.randomUUID(), ISOLATE_AND_READ);
        HttpApi api = api().as(token);
        List<String> devices = devices(api, 3, "Windows11");
        QUERY_SIDE.answer("osPlatform eq 'Windows11' and computerDnsName eq 'x'", devices);

        Response answer = api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"Worm outbreak\","
                + "\"Filter\":\"osPlatform eq 'Windows11' and computerDnsName eq 'x'\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().get("filter").asText()).isEqualTo("osPlatform eq 'Windows11' and computerDnsName eq 'x'");
        assertThat(QUERY_SIDE.lastAuthorization()).isEqualTo("Bearer " + token);
        assertThat(QUERY_SIDE.lastQuery()).contains("$select=id").contains("$top=1000").contains("$skip=0");
        JsonNode done = dispatched(api, answer.body().get("id").asText());
        assertThat(machineIds(done.get("actions"))).containsExactlyInAnyOrderElementsOf(devices);
    }

    @Test
    void filter_theQuerySideRefuses_isPassedOnAs400_andOneThatFails_is503WithRetryAfter() {
        HttpApi api = caller("filter-errors");
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"x\",\"Filter\":\""
                + QuerySideStub.INVALID + "\"}"), 400, "ODataError", "Filter: Unknown property");

        HttpResponse<String> down = api.exchange(HttpRequest.newBuilder(api.uri("/api/bulkactions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"Action\":\"Isolate\",\"Comment\":\"x\",\"Filter\":\"" + QuerySideStub.FAILING + "\"}")));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(down.body()).at("/error/code").asText()).isEqualTo("ServiceUnavailable");

        assertError(api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"x\",\"Filter\":\""
                + QuerySideStub.NONE + "\"}"), 400, "InvalidInput", "no device");
    }

    @Test
    void filter_matchingMoreThan10000Devices_is400SayingSo() {
        HttpApi api = caller("filter-many");
        QUERY_SIDE.answer("riskScore eq 'High'", IntStream.range(0, 10_001).mapToObj(i -> "m" + i).toList());
        assertError(api.post("/api/bulkactions", "{\"Action\":\"Isolate\",\"Comment\":\"x\",\"Filter\":"
                + "\"riskScore eq 'High'\"}"), 400, "InvalidInput", "more than 10000");
    }

    // --- the rate limit ---

    @Test
    void aBulkCall_countsOnceAgainstTheRateLimit() {
        HttpApi api = caller("rate-limit");
        List<String> devices = devices(api, 3, "Windows11");
        // 300 targets, of which 297 are refused as unknown: more than the 200 calls a minute, were each counted.
        List<String> targets = new ArrayList<>(devices);
        IntStream.range(0, 297).forEach(i -> targets.add(newId()));
        assertThat(api.post("/api/bulkactions", isolate(targets)).status()).isEqualTo(202);

        String some = "/api/bulkactions/" + UUID.randomUUID();
        for (int call = 2; call <= 200; call++) {
            assertThat(api.get(some).status()).as("call " + call).isEqualTo(404);
        }
        assertError(api.get(some), 429, "TooManyRequests", "machine-actions");
    }

    // --- helpers ---

    private HttpApi api() {
        return new HttpApi("http://127.0.0.1:" + port);
    }

    /** A caller of its own, so that the rate limit of one test never touches another's. */
    private HttpApi caller(String name) {
        return api().as(TestIssuer.get().app("bulk-" + name + "-" + UUID.randomUUID(), ISOLATE_AND_READ));
    }

    private static String newId() {
        return "bulk" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String device(HttpApi api, String platform) {
        String id = newId();
        assertThat(api.register(id, "lt-" + id.substring(4, 12), platform, "22631").status()).isEqualTo(201);
        return id;
    }

    private static List<String> devices(HttpApi api, int count, String platform) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(device(api, platform));
        }
        return ids;
    }

    private static String isolate(List<String> ids) {
        return "{\"Action\":\"Isolate\",\"Comment\":\"Worm outbreak\",\"IsolationType\":\"Full\","
                + "\"ExternalID\":\"SOAR-15\",\"MachineIds\":" + array(ids) + "}";
    }

    private static String array(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private void report(String machineId, String actionId, String status) {
        Response r = api().post("/api/agent/machineactions/" + actionId + "/status", "{\"status\":\"" + status
                + "\"}", "Authorization", "Bearer " + TestIssuer.get().agent(machineId));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    /** The bulk once every target has its action or refusal, waited for in the table (not by calls). */
    private JsonNode dispatched(HttpApi api, String bulkId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "Dispatched".equals(jdbc.queryForObject(
                "select status from bulk_actions where bulk_id = ?", String.class, bulkId)));
        Response bulk = api.get("/api/bulkactions/" + bulkId + "?$top=10000");
        assertThat(bulk.status()).as(bulk.raw()).isEqualTo(200);
        return bulk.body();
    }

    private int progress(String bulkId) {
        return jdbc.queryForObject("select dispatched_targets from bulk_actions where bulk_id = ?", Integer.class,
                bulkId);
    }

    private int actionCount(String bulkId) {
        return jdbc.queryForObject("select count(*) from action_index where bulk_id = ?", Integer.class, bulkId);
    }

    private long bulks() {
        return jdbc.queryForObject("select count(*) from bulk_actions", Long.class);
    }

    private static List<String> machineIds(JsonNode actions) {
        List<String> ids = new ArrayList<>();
        actions.forEach(a -> ids.add(a.get("machineId").asText()));
        return ids;
    }

    private static Map<String, String> actionsByMachine(JsonNode actions) {
        Map<String, String> byMachine = new ConcurrentHashMap<>();
        actions.forEach(a -> byMachine.put(a.get("machineId").asText(), a.get("id").asText()));
        return byMachine;
    }

    private static void assertError(Response r, int status, String code, String messagePart) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body().at("/error/code").asText()).as(r.raw()).isEqualTo(code);
        assertThat(r.body().at("/error/message").asText()).as(r.raw()).contains(messagePart);
    }

    private static JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query side's {@code GET /api/machines} as the command side calls it: the ids a filter was told to match,
     * paged by $top and $skip; an invalid filter answered as the query side answers one, and a failing one with 500.
     */
    static final class QuerySideStub {

        static final String INVALID = "colour eq 'red'";
        static final String FAILING = "osPlatform eq 'Linux'";
        static final String NONE = "osPlatform eq 'macOS'";

        private final HttpServer server;
        private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
        private volatile String lastAuthorization;
        private volatile String lastQuery;

        QuerySideStub() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/machines", exchange -> {
                lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
                String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
                lastQuery = query;
                Map<String, String> params = new ConcurrentHashMap<>();
                for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                String filter = params.get("$filter");
                int status = 200;
                String body;
                if (INVALID.equals(filter)) {
                    status = 400;
                    body = "{\"error\":{\"code\":\"ODataError\",\"message\":\"Unknown property 'colour'\","
                            + "\"target\":\"q-1\"}}";
                } else if (FAILING.equals(filter)) {
                    status = 500;
                    body = "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\",\"target\":\"q\"}}";
                } else {
                    List<String> ids = answers.getOrDefault(filter, List.of());
                    int skip = Integer.parseInt(params.get("$skip"));
                    int top = Integer.parseInt(params.get("$top"));
                    body = ids.stream().skip(skip).limit(top).map(id -> "{\"id\":\"" + id + "\"}")
                            .collect(Collectors.joining(",", "{\"@odata.context\":\"x\",\"value\":[", "]}"));
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void answer(String filter, List<String> ids) {
            answers.put(filter, ids);
        }

        String lastAuthorization() {
            return lastAuthorization;
        }

        String lastQuery() {
            return lastQuery;
        }

        void stop() {
            server.stop(0);
        }
    }
}
