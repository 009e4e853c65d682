package dev.cordon.command.it;

import static dev.cordon.command.support.StoredEventRows.PACKAGE_ACTION;
import static dev.cordon.command.support.StoredEventRows.PACKAGE_DEVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.IntegrationTestSupport;
import dev.cordon.command.support.StoredEventRows;
import dev.cordon.command.support.TopicReader;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.KafkaContract;
import dev.cordon.service.testing.TestIssuer;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit endpoints over a store that holds history written by an earlier version: revision-1 events as they
 * were stored (the committed fixtures, byte for byte), followed by events of today's commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventFormat CLOUDEVENTS = new JsonFormat();

    /** The device of the committed revision-1 fixtures: its Full isolation on 2 March, released on 3 March. */
    private static final String LEGACY = "867318b7309490b2ab7953cef1078881d1a0ad09";
    private static final String LEGACY_ISOLATION = "c40fa9f5-c213-4384-85c3-a7477f4def3c";
    private static final String LEGACY_RELEASE = "fe37dc52-b727-4391-a7bb-1df73b72d7ab";
    /** A device isolated selectively while revision 1 was current. */
    private static final String SELECTIVE = "b0a5c3e7d9f1a2b4c6d8e0f2a4b6c8d0e2f4a6b8";
    private static final String SELECTIVE_ISOLATION = "3d6c1b2a-9e8f-4a7b-b6c5-d4e3f2a1b0c9";
    private static final List<String> REVISION_1_APPS = List.of("Outlook", "Microsoft Teams", "Skype for Business");
    private static final String REQUEST_ID = "audit-it-isolate-42";

    private HttpApi api;
    private final HttpClient http = HttpClient.newHttpClient();
    private Response isolatedToday;
    private Response reportedToday;
    private String legacyIsolationEventId;

    @BeforeAll
    void storeRevision1HistoryThenCommandToday() {
        api = api();
        StoredEventRows rows = new StoredEventRows(jdbc);
        String meta = "{\"requestor\":\"m.keller@contoso.com\",\"requestSource\":\"PublicApi\","
                + "\"requestId\":\"INC0012873\"}";
        rows.insert(LEGACY, 0, PACKAGE_DEVICE + "DeviceRegisteredEvent", "1", StoredEventRows.bytes(
                registered(LEGACY, "fin-ws-0142.corp.contoso.com", "2026-03-01T08:00:00Z")),
                at("2026-03-01T08:00:00Z"), meta);
        rows.insert(LEGACY, 1, PACKAGE_DEVICE + "DeviceDetailsUpdatedEvent", "1",
                StoredEventRows.fixture("DeviceDetailsUpdatedEvent.v1.json"), at("2026-03-02T07:40:00Z"), meta);
        legacyIsolationEventId = rows.insert(LEGACY, 2, PACKAGE_ACTION + "DeviceIsolationRequestedEvent", "1",
                StoredEventRows.fixture("DeviceIsolationRequestedEvent.v1.json"), at("2026-03-02T09:15:00Z"), meta);
        rows.insert(LEGACY, 3, PACKAGE_ACTION + "MachineActionStartedEvent", "1",
                StoredEventRows.fixture("MachineActionStartedEvent.v1.json"), at("2026-03-02T09:15:42Z"), meta);
        rows.insert(LEGACY, 4, PACKAGE_ACTION + "DeviceIsolatedEvent", "1",
                StoredEventRows.fixture("DeviceIsolatedEvent.v1.json"), at("2026-03-02T09:16:05Z"), meta);
        rows.insert(LEGACY, 5, PACKAGE_ACTION + "DeviceReleaseRequestedEvent", "1",
                StoredEventRows.fixture("DeviceReleaseRequestedEvent.v1.json"), at("2026-03-03T14:30:00Z"), meta);
        rows.insert(LEGACY, 6, PACKAGE_ACTION + "DeviceReleasedEvent", "1",
                StoredEventRows.fixture("DeviceReleasedEvent.v1.json"), at("2026-03-03T14:31:20Z"), meta);

        rows.insert(SELECTIVE, 0, PACKAGE_DEVICE + "DeviceRegisteredEvent", "1", StoredEventRows.bytes(
                registered(SELECTIVE, "hr-lt-0317.corp.contoso.com", "2026-04-01T10:00:00Z")),
                at("2026-04-01T10:00:00Z"), meta);
        ObjectNode selective = StoredEventRows.fixtureTree("DeviceIsolationRequestedEvent.v1.json")
                .put("deviceId", SELECTIVE).put("actionId", SELECTIVE_ISOLATION).put("isolationType", "Selective")
                .put("requestedAt", "2026-04-01T10:05:00Z");
        rows.insert(SELECTIVE, 1, PACKAGE_ACTION + "DeviceIsolationRequestedEvent", "1",
                StoredEventRows.bytes(selective), at("2026-04-01T10:05:00Z"), meta);
        ObjectNode isolated = StoredEventRows.fixtureTree("DeviceIsolatedEvent.v1.json").put("deviceId", SELECTIVE)
                .put("actionId", SELECTIVE_ISOLATION).put("isolationType", "Selective")
                .put("completedAt", "2026-04-01T10:06:00Z");
        rows.insert(SELECTIVE, 2, PACKAGE_ACTION + "DeviceIsolatedEvent", "1", StoredEventRows.bytes(isolated),
                at("2026-04-01T10:06:00Z"), meta);

        // Today's commands on the legacy device: the aggregate must load from its revision-1 events.
        isolatedToday = api.post("/api/machines/" + LEGACY + "/isolate",
                "{\"Comment\":\"Beaconing again after reimage\",\"IsolationType\":\"Selective\"}",
                "X-Request-ID", REQUEST_ID);
        reportedToday = isolatedToday.status() == 201
                ? api.report(isolatedToday.body().get("id").asText(), "Succeeded") : null;
    }

    private static ObjectNode registered(String deviceId, String dnsName, String registeredAt) {
        return StoredEventRows.fixtureTree("DeviceRegisteredEvent.v1.json").put("deviceId", deviceId)
                .put("computerDnsName", dnsName).put("osPlatform", "Windows11").put("osBuild", "22631")
                .put("version", "23H2").put("registeredAt", registeredAt);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    // ---- revision-1 history still loads ----

    @Test
    void revision1Events_loadTheDevice_andCommandsOnItWork() {
        assertThat(isolatedToday.status()).as(isolatedToday.raw()).isEqualTo(201);
        assertThat(reportedToday.status()).as(reportedToday.raw()).isEqualTo(200);
        assertThat(reportedToday.body().get("status").asText()).isEqualTo("Succeeded");
        assertThat(api.post("/api/machines/" + LEGACY + "/isolate", "{\"Comment\":\"twice\"}").body()
                .at("/error/code").asText()).as("the rules see the state the old events left")
                .isEqualTo("ActiveRequestAlreadyExists");
    }

    // ---- history ----

    @Test
    void history_isEveryStoredEventInSequenceOrder_withStoredAndCurrentRevision() throws IOException {
        Response history = api.get("/api/machines/" + LEGACY + "/history");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("machineId").asText()).isEqualTo(LEGACY);
        JsonNode events = history.body().get("value");
        assertThat(texts(events, "type")).containsExactly("DeviceRegisteredEvent", "DeviceDetailsUpdatedEvent",
                "DeviceIsolationRequestedEvent", "MachineActionStartedEvent", "DeviceIsolatedEvent",
                "DeviceReleaseRequestedEvent", "DeviceReleasedEvent", "DeviceIsolationRequestedEvent",
                "DeviceIsolatedEvent");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i);
        }
        // The isolation requests are at revision 3 now (bulkId), the release request at 2.
        assertThat(texts(events, "storedRevision")).containsExactly("1", "1", "1", "1", "1", "1", "1", "3", "1");
        assertThat(texts(events, "revision")).containsExactly("2", "2", "3", "1", "1", "2", "1", "3", "1");
        for (JsonNode details : List.of(events.get(0), events.get(1))) {
            assertThat(details.at("/payload/riskScore").asText()).as("no inventory reported one then").isEqualTo("None");
            assertThat(details.at("/payload/exposureLevel").asText()).isEqualTo("None");
            assertThat(details.at("/storedPayload/riskScore").isMissingNode()).isTrue();
        }

        JsonNode legacyRequest = events.get(2);
        assertThat(legacyRequest.get("eventId").asText()).isEqualTo(legacyIsolationEventId);
        assertThat(legacyRequest.get("timestamp").asText()).isEqualTo("2026-03-02T09:15:00Z");
        assertThat(legacyRequest.get("storedPayload"))
                .isEqualTo(JSON.readTree(StoredEventRows.fixture("DeviceIsolationRequestedEvent.v1.json")));
        ObjectNode expectedCurrent = StoredEventRows.fixtureTree("DeviceIsolationRequestedEvent.v1.json");
        expectedCurrent.putArray("keptConnectedApplications");
        assertThat(legacyRequest.get("payload")).isEqualTo(expectedCurrent);
        assertThat(legacyRequest.get("metadata").get("requestor").asText()).isEqualTo("m.keller@contoso.com");
        assertThat(events.get(3).get("storedPayload").isNull()).as("shown as stored: nothing to repeat").isTrue();
    }

    @Test
    void history_ofTodaysCommand_carriesWhoAskedThroughWhatAndTheCorrelationAndCommandIds() {
        JsonNode request = api.get("/api/machines/" + LEGACY + "/history").body().get("value").get(7);

        assertThat(request.at("/payload/isolationType").asText()).isEqualTo("Selective");
        assertThat(texts(request.at("/payload/keptConnectedApplications"))).isEqualTo(REVISION_1_APPS);
        assertThat(request.at("/payload/comment").asText()).isEqualTo("Beaconing again after reimage");
        JsonNode metadata = request.get("metadata");
        assertThat(metadata.get("requestor").asText()).isEqualTo(TestIssuer.TEST_CLIENT);
        assertThat(metadata.get("requestSource").asText()).isEqualTo("PublicApi");
        assertThat(metadata.get("callerRequestId").asText()).isEqualTo(REQUEST_ID);
        assertThat(metadata.get("requestId").asText()).as("the server's own id of the call").matches("[0-9a-f-]{36}");
        assertThat(metadata.get("correlationId").asText()).as("the command's message id").isNotBlank();
        assertThat(metadata.get("traceId").asText()).isNotBlank();
    }

    @Test
    void history_ofASelectiveIsolationStoredAtRevision1_showsTheApplicationsItKeptThen() {
        JsonNode request = api.get("/api/machines/" + SELECTIVE + "/history").body().get("value").get(1);

        assertThat(request.get("storedRevision").asText()).isEqualTo("1");
        assertThat(request.get("revision").asText()).isEqualTo("3");
        assertThat(request.at("/storedPayload/keptConnectedApplications").isMissingNode()).isTrue();
        assertThat(texts(request.at("/payload/keptConnectedApplications"))).isEqualTo(REVISION_1_APPS);
    }

    @Test
    void history_ofAnUnknownOrMalformedDevice_isAnError() {
        Response unknown = api.get("/api/machines/0000000000000000000000000000000000000000/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().at("/error/code").asText()).isEqualTo("ResourceNotFound");
        assertThat(api.get("/api/machines/bad%20id/history").body().at("/error/code").asText())
                .isEqualTo("InvalidInput");
        assertThat(api.get("/api/machines/" + LEGACY + "/history?from=x").status()).isEqualTo(400);
    }

    // ---- state at an instant ----

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource(nullValues = "null", value = {
            // registration: an event exactly at the instant is included
            "2026-03-01T08:00:00Z,          NotIsolated,      null, null,       null,       0",
            "2026-03-02T09:14:59.999Z,      NotIsolated,      null, null,       null,       1",
            "2026-03-02T09:15:00Z,          IsolationPending, null, Pending,    Isolate,    2",
            // the same instant in another offset
            "2026-03-02T10:15:30+01:00,     IsolationPending, null, Pending,    Isolate,    2",
            "2026-03-02T09:15:42Z,          IsolationPending, null, InProgress, Isolate,    3",
            // was it isolated at 03:12 the next night?
            "2026-03-03T03:12:00Z,          Isolated,         Full, null,       null,       4",
            "2026-03-03T14:30:59.999999999Z, ReleasePending,  Full, Pending,    Unisolate,  5",
            "2026-03-03T14:31:20Z,          NotIsolated,      null, null,       null,       6"})
    void state_atAnInstant_isWhatTheEventsUpToThenLeft(String at, String state, String scope, String actionStatus,
                                                      String actionType, long lastSequence) {
        Response answer = api.get("/api/machines/" + LEGACY + "/state?at=" + encode(at));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("machineId").asText()).isEqualTo(LEGACY);
        assertThat(Instant.parse(body.get("at").asText())).isEqualTo(java.time.OffsetDateTime.parse(at).toInstant());
        assertThat(body.get("isolationState").asText()).isEqualTo(state);
        assertThat(textOrNull(body.get("isolationScope"))).isEqualTo(scope);
        assertThat(textOrNull(body.at("/openAction/status"))).isEqualTo(actionStatus);
        assertThat(textOrNull(body.at("/openAction/type"))).isEqualTo(actionType);
        assertThat(body.at("/lastEvent/sequence").asLong()).isEqualTo(lastSequence);
    }

    @Test
    void state_whileIsolationWasOpen_namesTheActionWhoAskedAndWhen() {
        JsonNode action = api.get("/api/machines/" + LEGACY + "/state?at=2026-03-02T09:16:00Z").body()
                .get("openAction");

        assertThat(action.get("id").asText()).isEqualTo(LEGACY_ISOLATION);
        assertThat(action.get("scope").asText()).isEqualTo("Full");
        assertThat(action.get("keptConnectedApplications")).isEmpty();
        assertThat(action.get("requestor").asText()).isEqualTo("m.keller@contoso.com");
        assertThat(action.get("requestSource").asText()).isEqualTo("PublicApi");
        assertThat(action.get("externalId").asText()).isEqualTo("INC0012873");
        assertThat(action.get("creationDateTimeUtc").asText()).isEqualTo("2026-03-02T09:15:00Z");
        assertThat(action.get("lastUpdateDateTimeUtc").asText()).isEqualTo("2026-03-02T09:15:42Z");
        JsonNode release = api.get("/api/machines/" + LEGACY + "/state?at=2026-03-03T14:31:00Z").body()
                .get("openAction");
        assertThat(release.get("id").asText()).isEqualTo(LEGACY_RELEASE);
        assertThat(release.get("scope").isNull()).isTrue();
    }

    @Test
    void state_now_isTodaysSelectiveIsolation_andARevision1SelectiveOneKeepsItsApplications() {
        JsonNode now = api.get("/api/machines/" + LEGACY + "/state?at=" + encode(Instant.now().toString())).body();
        assertThat(now.get("isolationState").asText()).isEqualTo("Isolated");
        assertThat(now.get("isolationScope").asText()).isEqualTo("Selective");
        assertThat(texts(now.get("keptConnectedApplications"))).isEqualTo(REVISION_1_APPS);
        assertThat(now.at("/lastEvent/sequence").asLong()).isEqualTo(8);

        JsonNode selective = api.get("/api/machines/" + SELECTIVE + "/state?at=2026-04-01T10:06:00Z").body();
        assertThat(selective.get("isolationScope").asText()).isEqualTo("Selective");
        assertThat(texts(selective.get("keptConnectedApplications"))).isEqualTo(REVISION_1_APPS);
    }

    @Test
    void state_beforeTheDeviceExisted_is404SayingSo() {
        Response before = api.get("/api/machines/" + LEGACY + "/state?at=2026-03-01T07:59:59.999Z");

        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body().at("/error/code").asText()).isEqualTo("ResourceNotFound");
        assertThat(before.body().at("/error/message").asText()).contains("did not exist yet");
        assertThat(before.body().at("/error/target").asText()).isNotBlank();
    }

    @Test
    void state_withoutOrWithABadInstant_isA400WithThePublicErrorShape() {
        Response missing = api.get("/api/machines/" + LEGACY + "/state");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/error/code").asText()).isEqualTo("MissingRequiredParameter");
        for (String bad : List.of("yesterday", "2026-03-02T09:15:00", "2026-13-02T09:15:00Z")) {
            Response answer = api.get("/api/machines/" + LEGACY + "/state?at=" + encode(bad));
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body().at("/error/code").asText()).isEqualTo("InvalidInput");
        }
        assertThat(api.get("/api/machines/" + LEGACY + "/state?At=2026-03-02T09:15:00Z").status()).isEqualTo(400);
        assertThat(api.get("/api/machines/0000000000000000000000000000000000000000/state?at=2026-03-02T09:15:00Z")
                .status()).isEqualTo(404);
    }

    // ---- export ----

    @Test
    void export_isNdjsonThatACloudEventsParserReads_andEachLineIsWhatKafkaCarries() throws IOException {
        Export export = export("");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> lines = export.lines();
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(lines).hasSize((int) stored);

        Map<String, String> published = topicValuesById(lines.stream().map(AuditIT::id).collect(Collectors.toSet()));
        for (String line : lines) {
            CloudEvent event = CLOUDEVENTS.deserialize(line.getBytes(StandardCharsets.UTF_8));
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            EventCatalog.Entry entry = EventCatalog.byCloudEventType(event.getType()).orElseThrow();
            assertThat(event.getDataSchema()).isEqualTo(URI.create(entry.dataSchema()));
            assertThat(event.getExtension("revision")).isEqualTo(entry.revision());
            assertThat(event.getExtension("sequence")).isInstanceOf(Number.class);
            assertThat(event.getSubject()).isEqualTo(JSON.readTree(event.getData().toBytes()).get("deviceId").asText());
            // The SDK writes the time with trailing zeros of the fraction dropped (.180Z as .18Z): the same instant.
            ObjectNode roundTrip = (ObjectNode) JSON.readTree(CLOUDEVENTS.serialize(event));
            ObjectNode original = (ObjectNode) JSON.readTree(line);
            assertThat(Instant.parse(roundTrip.remove("time").asText())).as("round trip time")
                    .isEqualTo(Instant.parse(original.remove("time").asText()));
            assertThat(roundTrip).as("round trip").isEqualTo(original);
            assertThat(line).as("the Kafka record of %s", event.getId()).isEqualTo(published.get(event.getId()));
        }
    }

    @Test
    void export_ofARevision1Event_isAtTheCurrentRevision() throws IOException {
        JsonNode line = JSON.readTree(export("?machineId=" + SELECTIVE).lines().get(1));

        assertThat(line.get("revision").asText()).isEqualTo("3");
        assertThat(line.get("dataschema").asText()).isEqualTo("urn:cordon:events:DeviceIsolationRequestedEvent:3");
        assertThat(texts(line.at("/data/keptConnectedApplications"))).isEqualTo(REVISION_1_APPS);
    }

    @Test
    void export_honoursFromInclusiveToExclusiveAndMachineId() throws IOException {
        assertThat(sequences(export("?machineId=" + LEGACY + "&from=2026-03-02T09:15:00Z&to=2026-03-02T09:16:05Z")))
                .containsExactly(2L, 3L);
        assertThat(sequences(export("?machineId=" + LEGACY + "&from=2026-03-02T09:15:00.000000001Z"
                + "&to=2026-03-02T09:16:05.000000001Z"))).containsExactly(3L, 4L);
        assertThat(sequences(export("?from=" + encode("2026-03-02T10:15:00+01:00") + "&to=2026-03-02T09:15:43Z")))
                .as("every device").containsExactly(2L, 3L);
        List<String> march = export("?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z").lines();
        assertThat(march).hasSize(7).allSatisfy(line -> assertThat(line).contains(LEGACY));
        List<String> selective = export("?machineId=" + SELECTIVE).lines();
        assertThat(selective).hasSize(3).allSatisfy(line -> assertThat(line).contains(SELECTIVE));
        assertThat(export("?to=2026-03-01T08:00:00Z").lines()).isEmpty();
    }

    @Test
    void export_withBadParameters_isAnErrorBeforeAnythingIsStreamed() throws IOException {
        assertError(export("?from=2026-03-02T09:15:00Z&to=2026-03-02T09:15:00Z"), 400, "InvalidInput", "before");
        assertError(export("?from=2026-03-02"), 400, "InvalidInput", "ISO-8601");
        assertError(export("?form=2026-03-02T09:15:00Z"), 400, "InvalidInput", "Unknown query parameter");
        assertError(export("?machineId=bad%20id"), 400, "InvalidInput", "Machine id");
        assertError(export("?machineId=0000000000000000000000000000000000000000"), 404, "ResourceNotFound",
                "not found");
    }

    private void assertError(Export export, int status, String code, String message) throws IOException {
        assertThat(export.status()).as(export.body()).isEqualTo(status);
        assertThat(export.contentType()).startsWith("application/json");
        JsonNode error = JSON.readTree(export.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(message);
        assertThat(error.get("target").asText()).isNotBlank();
    }

    // ---- helpers ----

    private record Export(int status, String contentType, String body) {
        List<String> lines() {
            return body.isEmpty() ? List.of() : List.of(body.split("\n"));
        }
    }

    private Export export(String query) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/audit/events" + query))
                    .header("Authorization", TestIssuer.bearer()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Export(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> sequences(Export export) throws IOException {
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<Long> sequences = new ArrayList<>();
        for (String line : export.lines()) {
            sequences.add(JSON.readTree(line).get("sequence").asLong());
        }
        return sequences;
    }

    private Map<String, String> topicValuesById(Set<String> ids) {
        Map<String, String> byId = new HashMap<>();
        TopicReader.readUntil(brokers, KafkaContract.DEFAULT_TOPIC, Duration.ofSeconds(60), records -> {
            for (ConsumerRecord<String, String> record : records) {
                byId.put(id(record.value()), record.value());
            }
            return byId.keySet().containsAll(ids);
        });
        return byId;
    }

    private static String id(String cloudEvent) {
        try {
            return JSON.readTree(cloudEvent).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
