package dev.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.HttpApi;
import dev.cordon.service.testing.TestIssuer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole engine: command side and query side as separate processes from their packaged jars, each with
 * its own PostgreSQL database, joined only by a real Kafka broker (and the query side's read-only look at
 * the event store for read-your-writes).
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class EndToEndIT {

    /** Long enough for the flows below to finish first even on a slow machine, short enough to wait for. */
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(12);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Defender's seven days, shortened so that silence is seen within the test. */
    private static final Duration INACTIVE_AFTER = Duration.ofSeconds(10);

    private static Engine engine;
    private static HttpApi commands;
    private static HttpApi reads;

    @BeforeAll
    static void startEngine() {
        String brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        engine = Engine.start("cordon_e2e", brokers, List.of(
                "--cordon.actions.timeout=" + ACTION_TIMEOUT,
                "--db-scheduler.polling-interval=500ms",
                "--cordon.presence.flush-interval=300ms"), List.of(
                "--cordon.query.presence.sync-interval=300ms",
                "--cordon.query.presence.inactive-after=" + INACTIVE_AFTER));
        commands = new HttpApi(engine.commandSideUrl());
        reads = new HttpApi(engine.querySideUrl());
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void isolate_agentSucceeds_release_agentSucceeds_seenInActionCenterTimelineAndDevice() {
        String device = registered("Windows11", "22631");
        String isolation = created(commands.isolate(device, "Selective"));
        eventually().untilAsserted(() -> assertThat(machine(device).get("isolationState").asText())
                .isEqualTo("IsolationPending"));
        commands.report(isolation, "InProgress");
        eventually().untilAsserted(() -> assertThat(action(isolation).get("status").asText()).isEqualTo("InProgress"));
        commands.report(isolation, "Succeeded");
        eventually().untilAsserted(() -> {
            assertThat(action(isolation).get("status").asText()).isEqualTo("Succeeded");
            assertThat(machine(device).get("isolationState").asText()).isEqualTo("Isolated");
            assertThat(machine(device).get("isolationScope").asText()).isEqualTo("Selective");
        });

        String release = created(commands.release(device));
        commands.report(release, "Succeeded");
        eventually().untilAsserted(() -> {
            JsonNode a = action(release);
            assertThat(a.get("status").asText()).isEqualTo("Succeeded");
            assertThat(a.get("type").asText()).isEqualTo("Unisolate");
            assertThat(machine(device).get("isolationState").asText()).isEqualTo("NotIsolated");
        });

        JsonNode timeline = reads.get("/api/machines/" + device + "/timeline").body().get("value");
        List<String> steps = new ArrayList<>();
        long previous = -1;
        for (JsonNode entry : timeline) {
            steps.add(entry.get("eventType").asText() + ":" + entry.get("status").asText());
            assertThat(entry.get("sequence").asLong()).isGreaterThan(previous);
            assertThat(entry.has("timestamp")).isTrue();
            previous = entry.get("sequence").asLong();
        }
        // The registration puts the device in its device group (the default one: no groups are configured here).
        assertThat(steps).containsExactly("DeviceRegistered:null", "DeviceGroupChanged:null",
                "DeviceIsolationRequested:Pending",
                "MachineActionStarted:InProgress", "DeviceIsolated:Succeeded", "DeviceReleaseRequested:Pending",
                "DeviceReleased:Succeeded");
        assertThat(timeline.get(2).get("requestor").asText()).isEqualTo(TestIssuer.TEST_CLIENT);
        assertThat(timeline.get(2).get("comment").asText()).isEqualTo("Suspected ransomware");
        assertThat(timeline.get(2).get("actionId").asText()).isEqualTo(isolation);

        JsonNode listed = reads.get("/api/machineactions?$filter="
                + encode("machineId eq '" + device + "' and type eq 'Isolate'")).body().get("value");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(isolation);
    }

    /**
     * The monitoring fields of the machine entity, from the agent's polls: an agent poll makes the device Onboarded
     * and Active with its addresses, adds no event to its history, and is filterable; silence past the threshold
     * makes it Inactive; a device whose agent never called can be onboarded. Defender's no-data risk values are
     * filterable too.
     */
    @Test
    void agentPolls_areThePresenceTheMachineEntityShows_withoutAnEventEach() {
        String device = registered("Windows11", "22631");
        String silent = registered("Windows11", "22631");
        int historyBefore = commands.get("/api/machines/" + device + "/history").body().get("value").size();
        eventually().untilAsserted(() -> {
            JsonNode never = machine(silent);
            assertThat(never.get("onboardingStatus").asText()).isEqualTo("CanBeOnboarded");
            assertThat(never.get("healthStatus").asText()).isEqualTo("Inactive");
            assertThat(never.get("lastSeen").isNull()).isTrue();
        });

        Instant before = Instant.now().minusSeconds(1);
        for (int poll = 0; poll < 3; poll++) {
            Response polled = commands.get("/api/agent/machines/" + device + "/pendingactions?ipAddress=10.1.2.3");
            assertThat(polled.status()).as(polled.raw()).isEqualTo(200);
        }
        eventually().untilAsserted(() -> {
            JsonNode seen = machine(device);
            assertThat(seen.get("onboardingStatus").asText()).isEqualTo("Onboarded");
            assertThat(seen.get("healthStatus").asText()).isEqualTo("Active");
            assertThat(seen.get("lastIpAddress").asText()).isEqualTo("10.1.2.3");
            assertThat(seen.get("lastExternalIpAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(Instant.parse(seen.get("lastSeen").asText())).isAfter(before);
        });
        assertThat(machine(device).get("riskScore").asText()).isEqualTo("None");
        assertThat(machine(device).get("exposureLevel").asText()).isEqualTo("None");
        assertThat(commands.get("/api/machines/" + device + "/history").body().get("value")).hasSize(historyBefore);

        String day = before.toString().substring(0, 10);
        assertThat(ids("healthStatus eq 'Active' and lastIpAddress eq '10.1.2.3' and onboardingStatus eq 'Onboarded'"
                + " and (id eq '" + device + "' or id eq '" + silent + "')")).containsExactly(device);
        assertThat(ids("lastSeen ge " + day + "Z and (id eq '" + device + "' or id eq '" + silent + "')"))
                .containsExactly(device);
        assertThat(ids("healthStatus eq 'Inactive' and (id eq '" + device + "' or id eq '" + silent + "')"))
                .containsExactly(silent);
        assertThat(ids("(riskScore eq 'High' or exposureLevel eq 'Medium') and (id eq '" + device + "' or id eq '"
                + silent + "')")).as("registered without an assessment").isEmpty();
        Response bad = commands.get("/api/agent/machines/" + device + "/pendingactions?ipAddress=not.an.address");
        assertThat(bad.status()).isEqualTo(400);

        await().atMost(INACTIVE_AFTER.plusSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(machine(device).get("healthStatus").asText()).isEqualTo("Inactive"));
        assertThat(machine(device).get("onboardingStatus").asText()).isEqualTo("Onboarded");
    }

    /**
     * Each request a real Defender client sent that Cordon used to refuse, replayed under {@code /api} and
     * {@code /api/v1.0}: the current responder's versioned list and isolate, the older one's isolate by aadDeviceId,
     * a PowerShell module's lookup by computer name and its startswith(), a monitoring plugin's presence fields and
     * filters, Defender's UnManagedDevice, and the tag call.
     */
    @ParameterizedTest(name = "under {0}")
    @ValueSource(strings = {"/api", "/api/v1.0"})
    void whatDefenderClientsSent_isAnsweredAsDefenderAnswersIt(String api) {
        String id = UUID.randomUUID().toString().replace("-", "") + "replay00";
        String aad = UUID.randomUUID().toString();
        String name = "ws-" + id.substring(0, 12) + ".corp.example";
        assertThat(commands.put("/api/machines/" + id, "{\"computerDnsName\":\"" + name + "\",\"osPlatform\":"
                + "\"Windows11\",\"osBuild\":22631,\"aadDeviceId\":\"" + aad + "\"}").status()).isEqualTo(201);
        assertThat(commands.get(api + "/agent/machines/" + id + "/pendingactions?ipAddress=10.1.2.3").status())
                .isEqualTo(200);
        String mine = " and id eq '" + id + "'";

        eventually().untilAsserted(() -> {
            Response listed = reads.get(api + "/machines?$filter=" + encode("computerDnsName eq '" + name + "'"));
            assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
            assertThat(listed.body().at("/value/0/id").asText()).isEqualTo(id);
        });
        Response isolated = commands.post(api + "/machines/" + aad.toUpperCase() + "/isolate",
                "{\"Comment\":\"Replayed responder call\",\"IsolationType\":\"Full\"}");
        assertThat(isolated.status()).as(isolated.raw()).isEqualTo(201);
        assertThat(isolated.body().get("machineId").asText()).as("the real machine id").isEqualTo(id);
        assertThat(isolated.body().get("type").asText()).isEqualTo("Isolate");
        assertThat(isolated.body().get("status").asText()).isEqualTo("Pending");
        assertThat(isolated.body().get("@odata.context").asText()).endsWith("$metadata#MachineActions/$entity");

        eventually().untilAsserted(() -> {
            Response byName = reads.get(api + "/machines/" + name.toUpperCase());
            assertThat(byName.status()).as(byName.raw()).isEqualTo(200);
            JsonNode machine = byName.body();
            assertThat(machine.get("id").asText()).isEqualTo(id);
            assertThat(machine.get("onboardingStatus").asText()).isEqualTo("Onboarded");
            assertThat(machine.get("healthStatus").asText()).isEqualTo("Active");
            assertThat(machine.get("lastSeen").isTextual()).isTrue();
            assertThat(machine.get("lastIpAddress").asText()).isEqualTo("10.1.2.3");
            assertThat(machine.get("osBuild").isNumber()).isTrue();
            assertThat(machine.get("isAadJoined").asBoolean()).isTrue();
            assertThat(machine.get("riskScore").isTextual()).isTrue();
            assertThat(machine.get("exposureLevel").isTextual()).isTrue();
            assertThat(machine.get("machineTags").isArray()).isTrue();
            assertThat(machine.get("isolationState").asText()).isEqualTo("IsolationPending");
        });
        for (String filter : List.of("startswith(computerDnsName,'WS-')", "lastSeen gt 2026-11-01Z",
                "healthStatus eq 'Active'", "lastIpAddress eq '10.1.2.3'")) {
            Response found = reads.get(api + "/machines?$filter=" + encode(filter + mine));
            assertThat(found.status()).as(filter + ": " + found.raw()).isEqualTo(200);
            assertThat(found.body().at("/value/0/id").asText()).as(filter).isEqualTo(id);
        }
        Response risk = reads.get(api + "/machines?$filter=" + encode("riskScore eq 'High'" + mine));
        assertThat(risk.status()).as(risk.raw()).isEqualTo(200);

        Response unmanaged = commands.post(api + "/machines/" + id + "/isolate",
                "{\"Comment\":\"c\",\"IsolationType\":\"UnManagedDevice\"}");
        assertThat(unmanaged.status()).isEqualTo(400);
        assertThat(unmanaged.body().at("/error/code").asText()).isEqualTo("InvalidInput");
        assertThat(unmanaged.body().at("/error/message").asText()).contains("is not supported", "Full, Selective");

        Response tagged = commands.post(api + "/machines/" + aad + "/tags",
                "{\"Value\":\"Replayed\",\"Action\":\"Add\"}");
        assertThat(tagged.status()).as(tagged.raw()).isEqualTo(200);
        assertThat(tagged.body().get("id").asText()).isEqualTo(id);
        eventually().untilAsserted(() -> assertThat(
                ids("machineTags/any(tag: tag eq 'replayed')" + mine)).containsExactly(id));
    }

    private static List<String> ids(String filter) {
        Response r = reads.get("/api/machines?$filter=" + encode(filter));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.body().get("value").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    @Test
    void cancel_returnsTheDeviceToItsStateBefore_inEveryReadModel() {
        String device = registered("Windows10", "19045");
        String isolation = created(commands.isolate(device, "Full"));
        Response cancelled = commands.post("/api/machineactions/" + isolation + "/cancel",
                "{\"Comment\":\"Isolated the wrong laptop\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        eventually().untilAsserted(() -> {
            JsonNode a = action(isolation);
            assertThat(a.get("status").asText()).isEqualTo("Cancelled");
            assertThat(a.get("cancellationComment").asText()).isEqualTo("Isolated the wrong laptop");
            assertThat(machine(device).get("isolationState").asText()).isEqualTo("NotIsolated");
        });
    }

    @Test
    void failedAgentReport_leavesTheDeviceConnected() {
        String device = registered("WindowsServer2019", "17763");
        String isolation = created(commands.isolate(device, "Full"));
        commands.post("/api/agent/machineactions/" + isolation + "/status",
                "{\"status\":\"Failed\",\"errorHResult\":-2147024891}");
        eventually().untilAsserted(() -> {
            JsonNode a = action(isolation);
            assertThat(a.get("status").asText()).isEqualTo("Failed");
            assertThat(a.get("errorHResult").asInt()).isEqualTo(-2147024891);
            assertThat(machine(device).get("isolationState").asText()).isEqualTo("NotIsolated");
        });
    }

    @Test
    void actionNotFinalInTime_timesOut() {
        String device = registered("Windows11", "22631");
        String isolation = created(commands.isolate(device, "Full"));
        await().atMost(ACTION_TIMEOUT.plusSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(action(isolation).get("status").asText()).isEqualTo("TimeOut");
            assertThat(machine(device).get("isolationState").asText()).isEqualTo("NotIsolated");
        });
    }

    @Test
    void actionIsReadableRightAfterThe201() {
        for (int i = 0; i < 20; i++) {
            String device = registered("Windows11", "22631");
            String isolation = created(commands.isolate(device, "Full"));
            Response read = reads.get("/api/machineactions/" + isolation);
            assertThat(read.status()).as(read.raw()).isEqualTo(200);
            assertThat(read.body().get("status").asText()).isEqualTo("Pending");
        }
    }

    @Test
    void hostileFilter_isRejected() {
        Response r = reads.get("/api/machineactions?$filter=" + encode("id eq '1' or 1=1; drop table machine_action"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/error/code").asText()).isEqualTo("ODataError");
        assertThat(r.body().at("/error/target").asText()).isNotBlank();
    }

    /**
     * The one request-id rule on both sides: a safe id is kept, an unsafe one replaced by a new UUID (never repaired),
     * the same id in the answer header and the error's target; the command side answers even a path Tomcat refuses
     * with the error JSON and the id; and the command side's own log line carries it.
     */
    @Test
    void requestId_oneRuleOnBothSides_inTheAnswerTheErrorAndTheCommandSidesLog() throws Exception {
        for (HttpApi side : List.of(commands, reads)) {
            HttpResponse<String> kept = side.exchange(HttpRequest.newBuilder(
                    side.uri("/api/machines/unknown-" + UUID.randomUUID() + "/history")).header("X-Request-ID",
                    "e2e-req-7"));
            assertThat(kept.headers().firstValue("X-Request-ID")).as(side.toString()).contains("e2e-req-7");
            assertThat(JSON.readTree(kept.body()).at("/error/target").asText()).isEqualTo("e2e-req-7");

            HttpResponse<String> replaced = side.exchange(HttpRequest.newBuilder(
                    side.uri("/api/machines/unknown/history")).header("X-Request-ID", "abc def!"));
            String answered = replaced.headers().firstValue("X-Request-ID").orElseThrow();
            assertThat(UUID.fromString(answered)).isNotNull();
            assertThat(JSON.readTree(replaced.body()).at("/error/target").asText()).isEqualTo(answered);
        }

        HttpResponse<String> malformed = commands.exchange(HttpRequest.newBuilder(
                commands.uri("/api/machines/a%2Fb/history")).header("X-Request-ID", "e2e-bad-path"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(malformed.headers().firstValue("X-Request-ID")).contains("e2e-bad-path");
        assertThat(JSON.readTree(malformed.body()).at("/error/target").asText()).isEqualTo("e2e-bad-path");

        String logged = "e2e-log-" + UUID.randomUUID();
        assertThat(commands.get("/api/audit/events?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z",
                "X-Request-ID", logged).status()).isEqualTo(200);
        eventually().untilAsserted(() -> assertThat(Files.readAllLines(engine.commandSideLog()))
                .anySatisfy(line -> assertThat(line).contains("[" + logged + " ").contains("Exported")));
    }

    private static String registered(String platform, String build) {
        String id = UUID.randomUUID().toString().replace("-", "") + "e2e00000";
        assertThat(commands.register(id, "host-" + id.substring(0, 8), platform, build).status()).isEqualTo(201);
        return id;
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().get("id").asText();
    }

    private static JsonNode action(String id) {
        Response r = reads.get("/api/machineactions/" + id);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode machine(String id) {
        Response r = reads.get("/api/machines/" + id);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
