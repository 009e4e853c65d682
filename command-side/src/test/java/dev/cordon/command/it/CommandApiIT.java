package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.Concurrently;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.IntegrationTestSupport;
import dev.cordon.service.testing.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The command API on real PostgreSQL and a real Kafka broker: rules, concurrency and bad input. */
@ExtendWith(OutputCaptureExtension.class)
class CommandApiIT extends IntegrationTestSupport {

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = api();
    }

    @Test
    void register_firstTime201_thenUpdate200() {
        String id = newDevice();
        assertThat(api.register(id, "host-a", "Windows11", "22631").status()).isEqualTo(201);
        Response again = api.register(id, "host-a", "Windows11", "26100");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("osBuild").asText()).isEqualTo("26100");
        assertThat(eventTypes(id)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceDetailsUpdatedEvent");
    }

    @Test
    void isolate_answers201WithTheWholeMachineAction() {
        String id = registeredDevice("Windows11");
        Response r = api.isolate(id, "Selective");
        assertThat(r.status()).isEqualTo(201);
        JsonNode a = r.body();
        assertThat(a.get("@odata.context").asText()).endsWith("/api/$metadata#MachineActions/$entity");
        assertThat(a.get("type").asText()).isEqualTo("Isolate");
        assertThat(a.get("scope").asText()).isEqualTo("Selective");
        assertThat(a.get("status").asText()).isEqualTo("Pending");
        assertThat(a.get("machineId").asText()).isEqualTo(id);
        assertThat(a.get("computerDnsName").asText()).isEqualTo("host-" + id);
        assertThat(a.get("requestor").asText()).isEqualTo(TestIssuer.TEST_CLIENT);
        assertThat(a.get("requestorComment").asText()).isEqualTo("Suspected ransomware");
        assertThat(a.get("requestSource").asText()).isEqualTo("PublicApi");
        assertThat(a.get("lastUpdateDateTimeUtc").asText()).isEqualTo(a.get("lastUpdateTimeUtc").asText());
        for (String field : List.of("id", "title", "externalId", "creationDateTimeUtc", "cancellationRequestor",
                "cancellationComment", "cancellationDateTimeUtc", "errorHResult", "commands", "relatedFileInfo",
                "troubleshootInfo")) {
            assertThat(a.has(field)).as(field).isTrue();
        }
        assertThat(UUID.fromString(a.get("id").asText())).isNotNull();
    }

    /** A caller chooses its X-Request-ID, so two calls may send one; each event still names its own call. */
    @Test
    void twoCallsWithOneCallerRequestId_areRecordedUnderTwoServerRequestIds() throws Exception {
        String first = registeredDevice("Windows11");
        String second = registeredDevice("Windows11");
        assertThat(api.post("/api/machines/" + first + "/isolate", "{\"Comment\":\"a\"}", "X-Request-ID", "reused-7")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/machines/" + second + "/isolate", "{\"Comment\":\"b\"}", "X-Request-ID", "reused-7")
                .status()).isEqualTo(201);
        JsonNode a = storedMetadata(first, 2);
        JsonNode b = storedMetadata(second, 2);
        assertThat(a.get("callerRequestId").asText()).isEqualTo("reused-7").isEqualTo(b.get("callerRequestId").asText());
        assertThat(a.get("requestId").asText()).isNotEqualTo(b.get("requestId").asText())
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void acceptedCommand_storesItsAuditMetadataWithTheEvent() throws Exception {
        String id = registeredDevice("Windows11");
        Response r = api.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"audit me\"}",
                "X-Request-ID", "soar-run-4711");
        assertThat(r.status()).isEqualTo(201);
        byte[] metaData = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 2", byte[].class, id);
        JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metaData);
        assertThat(meta.get("callerRequestId").asText()).as("the caller's id, beside the server's").isEqualTo("soar-run-4711");
        assertThat(meta.get("requestor").asText()).isEqualTo(TestIssuer.TEST_CLIENT);
        assertThat(meta.get("requestSource").asText()).isEqualTo("PublicApi");
        assertThat(meta.has("correlationId")).isTrue();
    }

    @Test
    void isolate_withoutIsolationType_isFull() {
        String id = registeredDevice("Windows11");
        Response r = api.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"c\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("scope").asText()).isEqualTo("Full");
    }

    /** A current responder release calls Defender's versioned paths: each is the endpoint it names, rules and all. */
    @Test
    void versionedPaths_isolateAgentReleaseCancel_asTheUnversionedOnes() {
        String id = registeredDevice("Windows11");
        Response isolated = api.post("/api/v1.0/machines/" + id + "/isolate",
                "{\"Comment\":\"from a responder\",\"IsolationType\":\"Full\"}");
        assertThat(isolated.status()).as(isolated.raw()).isEqualTo(201);
        String isolation = isolated.body().get("id").asText();
        assertThat(isolated.body().get("machineId").asText()).isEqualTo(id);
        assertThat(api.get("/api/v1.0/agent/machines/" + id + "/pendingactions").body().get("value").get(0)
                .get("id").asText()).isEqualTo(isolation);
        assertThat(api.post("/api/v1.0/agent/machineactions/" + isolation + "/status", "{\"status\":\"Succeeded\"}")
                .status()).isEqualTo(200);
        assertError(api.post("/api/v1.0/machines/" + id + "/isolate", "{\"Comment\":\"again\"}"), 400,
                "ActiveRequestAlreadyExists", "already isolated");
        String release = api.post("/api/v1.0/machines/" + id + "/unisolate", "{\"Comment\":\"clean\"}").body()
                .get("id").asText();
        assertThat(api.post("/api/v1.0/machineactions/" + release + "/cancel", "{\"Comment\":\"not yet\"}")
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1.0/machines/" + id + "/history").status()).isEqualTo(200);
        assertThat(eventTypes(id)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent",
                "DeviceIsolatedEvent", "DeviceReleaseRequestedEvent", "MachineActionCancelledEvent");
    }

    /**
     * An older responder release sends the device's aadDeviceId as the machine id: the device it names is isolated
     * and released, the actions carry the real machine id, and an AAD id two devices share is refused naming both.
     */
    @Test
    void isolateAndRelease_byAadDeviceId_actOnTheDeviceItNames() {
        String id = newDevice();
        String aad = java.util.UUID.randomUUID().toString();
        assertThat(api.put("/api/machines/" + id, "{\"computerDnsName\":\"aad-host\",\"osPlatform\":\"Windows11\","
                + "\"osBuild\":\"22631\",\"aadDeviceId\":\"" + aad + "\"}").status()).isEqualTo(201);

        Response isolated = api.isolate(aad.toUpperCase(), "Full");
        assertThat(isolated.status()).as(isolated.raw()).isEqualTo(201);
        assertThat(isolated.body().get("machineId").asText()).isEqualTo(id);
        api.report(isolated.body().get("id").asText(), "Succeeded");
        Response released = api.post("/api/v1.0/machines/" + aad + "/unisolate", "{\"Comment\":\"clean\"}");
        assertThat(released.body().get("machineId").asText()).isEqualTo(id);
        assertThat(eventTypes(id)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent",
                "DeviceIsolatedEvent", "DeviceReleaseRequestedEvent");

        String twin = newDevice();
        assertThat(api.put("/api/machines/" + twin, "{\"computerDnsName\":\"aad-twin\",\"osPlatform\":\"Windows11\","
                + "\"osBuild\":\"22631\",\"aadDeviceId\":\"" + aad + "\"}").status()).isEqualTo(201);
        long before = storedEvents();
        Response ambiguous = api.isolate(aad, "Full");
        assertError(ambiguous, 400, "InvalidInput", "More than one device has aadDeviceId");
        assertThat(ambiguous.body().at("/error/message").asText()).contains(id, twin);
        assertThat(storedEvents()).isEqualTo(before);
        assertError(api.isolate(java.util.UUID.randomUUID().toString(), "Full"), 404, "ResourceNotFound", "");
    }

    /**
     * Defender's tag call: each change is an event with the caller the token names; a retried add or a remove of what
     * is not there stores nothing; the device may be named by its aadDeviceId, on the versioned path too.
     */
    @Test
    void tags_addAndRemove_areEventsOfTheDevice_andRetriesStoreNothing() throws Exception {
        String id = newDevice();
        String aad = UUID.randomUUID().toString();
        assertThat(api.put("/api/machines/" + id, "{\"computerDnsName\":\"tag-host\",\"osPlatform\":\"Windows11\","
                + "\"aadDeviceId\":\"" + aad + "\"}").status()).isEqualTo(201);

        Response added = api.post("/api/machines/" + id + "/tags", "{\"Value\":\"Finance servers\",\"Action\":\"Add\"}");
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.body().get("id").asText()).isEqualTo(id);
        assertThat(added.body().get("machineTags").toString()).isEqualTo("[\"Finance servers\"]");
        Response second = api.post("/api/v1.0/machines/" + aad + "/tags", "{\"Value\":\"VIP\",\"Action\":\"Add\"}");
        assertThat(second.body().get("id").asText()).as("the real machine id").isEqualTo(id);
        assertThat(second.body().get("machineTags").toString()).isEqualTo("[\"Finance servers\",\"VIP\"]");
        long before = storedEvents();
        Response retried = api.post("/api/machines/" + id + "/tags", "{\"Value\":\"finance SERVERS\",\"Action\":\"Add\"}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("machineTags").toString()).isEqualTo("[\"Finance servers\",\"VIP\"]");
        assertThat(api.post("/api/machines/" + id + "/tags", "{\"Value\":\"never set\",\"Action\":\"Remove\"}")
                .status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);

        Response removed = api.post("/api/machines/" + id + "/tags", "{\"Value\":\"vip\",\"Action\":\"Remove\"}");
        assertThat(removed.body().get("machineTags").toString()).isEqualTo("[\"Finance servers\"]");
        assertThat(eventTypes(id)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceTagAddedEvent",
                "DeviceTagAddedEvent", "DeviceTagRemovedEvent");
        assertThat(storedRequestor(id, 4)).isEqualTo(TestIssuer.TEST_CLIENT);
        assertThat(storedPayload(id, 4).get("tag").asText()).as("as it was added").isEqualTo("VIP");
        assertThat(storedPayload(id, 4).get("requestor").asText()).isEqualTo(TestIssuer.TEST_CLIENT);
        assertError(api.post("/api/machines/0000000000000000000000000000000000000000/tags",
                "{\"Value\":\"x\",\"Action\":\"Add\"}"), 404, "ResourceNotFound", "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no Value|{\"Action\":\"Add\"}|MissingRequiredParameter|Value is required",
            "no Action|{\"Value\":\"x\"}|MissingRequiredParameter|Action is required",
            "Action not Add or Remove|{\"Value\":\"x\",\"Action\":\"Toggle\"}|InvalidInput|Action must be one of",
            "empty tag|{\"Value\":\" \",\"Action\":\"Add\"}|InvalidInput|1 to 200",
            "spaces around the tag|{\"Value\":\" vip\",\"Action\":\"Add\"}|InvalidInput|spaces",
            "control character|{\"Value\":\"a\\u0007b\",\"Action\":\"Add\"}|InvalidInput|control characters",
            "bidi override|{\"Value\":\"\\u202evip\",\"Action\":\"Add\"}|InvalidInput|bidirectional",
            "lowercase property|{\"value\":\"x\",\"action\":\"Add\"}|InvalidRequestBody|case-sensitive",
    })
    void tags_badInput_isRefusedAndStoresNothing(String why, String body, String code, String message) {
        String id = registeredDevice("Windows11");
        long before = storedEvents();
        assertError(api.post("/api/machines/" + id + "/tags", body), 400, code, message);
        assertError(api.post("/api/machines/" + id + "/tags", "{\"Value\":\"" + "t".repeat(201)
                + "\",\"Action\":\"Add\"}"), 400, "InvalidInput", "1 to 200");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** Defender documents UnManagedDevice; Cordon says plainly why it cannot, and what it can. */
    @Test
    void isolate_unmanagedDevice_isRefusedWithASentence_andStoresNothing() {
        String id = registeredDevice("Windows11");
        long before = storedEvents();

        assertError(api.post("/api/v1.0/machines/" + id + "/isolate",
                "{\"Comment\":\"c\",\"IsolationType\":\"UnManagedDevice\"}"), 400, "InvalidInput",
                "containing an unmanaged device) is not supported");
        Response r = api.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"c\",\"IsolationType\":\"UnManagedDevice\"}");
        assertThat(r.body().at("/error/message").asText()).contains("Supported isolation types: [Full, Selective]");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void isolate_thenAgentSucceeds_thenRelease_thenAgentSucceeds() {
        String id = registeredDevice("Windows11");
        String isolation = api.isolate(id, "Full").body().get("id").asText();
        JsonNode pending = api.get("/api/agent/machines/" + id + "/pendingactions").body().get("value");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("id").asText()).isEqualTo(isolation);
        assertThat(api.report(isolation, "InProgress").body().get("status").asText()).isEqualTo("InProgress");
        assertThat(api.report(isolation, "Succeeded").body().get("status").asText()).isEqualTo("Succeeded");
        assertThat(api.get("/api/agent/machines/" + id + "/pendingactions").body().get("value")).isEmpty();

        assertError(api.isolate(id, "Full"), 400, "ActiveRequestAlreadyExists", "already isolated");
        String release = api.release(id).body().get("id").asText();
        assertThat(api.report(release, "Succeeded").body().get("type").asText()).isEqualTo("Unisolate");
        assertError(api.release(id), 400, "DeviceNotIsolated", "not isolated");
        assertThat(eventTypes(id)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent",
                "MachineActionStartedEvent", "DeviceIsolatedEvent", "DeviceReleaseRequestedEvent",
                "DeviceReleasedEvent");
    }

    @Test
    void theRequestor_isTheCallerTheTokenNames_whateverTheRequestSays() throws Exception {
        String id = registeredDevice("Windows11");
        Response spoofed = api.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"c\",\"IsolationType\":\"Full\"}",
                "X-Forwarded-User", "ceo@contoso.com", "X-Remote-User", "ceo@contoso.com",
                "X-MS-CLIENT-PRINCIPAL-NAME", "ceo@contoso.com", "X-Requestor", "ceo@contoso.com");
        assertThat(spoofed.status()).as(spoofed.raw()).isEqualTo(201);
        assertThat(spoofed.body().get("requestor").asText()).isEqualTo(TestIssuer.TEST_CLIENT);
        assertThat(storedRequestor(id, 2)).isEqualTo(TestIssuer.TEST_CLIENT);

        // A body naming a requestor is refused, as any unknown property is, and nothing is stored.
        String other = registeredDevice("Windows11");
        Response named = api.post("/api/machines/" + other + "/isolate",
                "{\"Comment\":\"c\",\"IsolationType\":\"Full\",\"requestor\":\"ceo@contoso.com\"}");
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.body().at("/error/code").asText()).isEqualTo("InvalidRequestBody");
        assertThat(eventTypes(other)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent");

        // A user's delegated token: the user's name, as Entra ID puts it in upn.
        Response asUser = api.as(TestIssuer.get().user("analyst@contoso.com", "Machine.Isolate", "Machine.Read.All"))
                .isolate(other, "Full");
        assertThat(asUser.status()).as(asUser.raw()).isEqualTo(201);
        assertThat(asUser.body().get("requestor").asText()).isEqualTo("analyst@contoso.com");
        assertThat(storedRequestor(other, 2)).isEqualTo("analyst@contoso.com");
    }

    @Test
    void anAgent_speaksForItsOwnMachineOnly_andNothingElseSpeaksForAnAgent() {
        String a = registeredDevice("Windows11");
        String b = registeredDevice("Windows11");
        String actionOfB = api.isolate(b, "Full").body().get("id").asText();
        HttpApi agentOfA = api.as(TestIssuer.get().agent(a));

        Response poll = agentOfA.get("/api/agent/machines/" + b + "/pendingactions");
        assertThat(poll.status()).isEqualTo(403);
        assertThat(poll.body().at("/error/code").asText()).isEqualTo("Forbidden");
        Response forged = agentOfA.post("/api/agent/machineactions/" + actionOfB + "/status",
                "{\"status\":\"Succeeded\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body().at("/error/code").asText()).isEqualTo("Forbidden");
        // An agent's token is good for its own machine's agent endpoints, and for nothing else.
        assertThat(agentOfA.get("/api/agent/machines/" + a + "/pendingactions").status()).isEqualTo(200);
        assertThat(agentOfA.isolate(a, "Full").status()).isEqualTo(403);
        // No other token reports for an agent, however many permissions it has.
        assertThat(api.as(TestIssuer.get().testClient()).post("/api/agent/machineactions/" + actionOfB + "/status",
                "{\"status\":\"Succeeded\"}").status()).isEqualTo(403);
        assertThat(api.as(TestIssuer.get().user("analyst@contoso.com", "Machine.Isolate", "Machine.ReadWrite.All"))
                .post("/api/agent/machineactions/" + actionOfB + "/status", "{\"status\":\"Succeeded\"}").status())
                .isEqualTo(403);

        assertThat(eventTypes(b)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent");
        assertThat(eventTypes(a)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent");
    }

    private String storedRequestor(String deviceId, long sequence) throws Exception {
        return storedMetadata(deviceId, sequence).get("requestor").asText();
    }

    private JsonNode storedPayload(String deviceId, long sequence) throws Exception {
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, deviceId, sequence);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
    }

    private JsonNode storedMetadata(String deviceId, long sequence) throws Exception {
        byte[] metaData = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, deviceId, sequence);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(metaData);
    }

    @Test
    void agentReport_acceptsTheActionIdInAnyCase_andRecordsAnHonestRequestor() throws Exception {
        String id = registeredDevice("Windows11");
        String action = api.isolate(id, "Full").body().get("id").asText();
        assertThat(api.report(action.toUpperCase(), "InProgress").status()).isEqualTo(200);
        byte[] metaData = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 3", byte[].class, id);
        JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metaData);
        assertThat(meta.get("requestor").asText()).as("the agent the token names, not anything the request says")
                .isEqualTo("Device agent of " + id);
        assertThat(meta.get("requestSource").asText()).isEqualTo("DeviceAgent");
    }

    @Test
    void register_osBuildAsNumberOrString_isAccepted() {
        String id = newDevice();
        assertThat(api.put("/api/machines/" + id, "{\"computerDnsName\":\"h\",\"osPlatform\":\"Windows10\","
                + "\"osBuild\":19045}").status()).isEqualTo(201);
        assertThat(api.put("/api/machines/" + id, "{\"computerDnsName\":\"h\",\"osPlatform\":\"Windows10\","
                + "\"osBuild\":\"19045\"}").status()).isEqualTo(200);
        assertThat(api.isolate(id, "Selective").status()).isEqualTo(201);
    }

    @Test
    void register_riskScoreAndExposureLevel_areAnsweredAndChangedByTheInventory() {
        String id = newDevice();
        Response plain = api.put("/api/machines/" + id, "{\"computerDnsName\":\"h\",\"osPlatform\":\"Windows11\"}");
        assertThat(plain.status()).as(plain.raw()).isEqualTo(201);
        assertThat(plain.body().get("riskScore").asText()).as("Defender's no-data value").isEqualTo("None");
        assertThat(plain.body().get("exposureLevel").asText()).isEqualTo("None");

        Response assessed = api.put("/api/machines/" + id, "{\"computerDnsName\":\"h\",\"osPlatform\":\"Windows11\","
                + "\"riskScore\":\"High\",\"exposureLevel\":\"Medium\"}");
        assertThat(assessed.status()).as(assessed.raw()).isEqualTo(200);
        assertThat(assessed.body().get("riskScore").asText()).isEqualTo("High");
        assertThat(assessed.body().get("exposureLevel").asText()).isEqualTo("Medium");
        assertThat(api.put("/api/machines/" + id, "{\"computerDnsName\":\"h\",\"osPlatform\":\"Windows11\","
                + "\"riskScore\":\"High\",\"exposureLevel\":\"Medium\"}").status()).isEqualTo(200);
        assertThat(eventTypes(id)).as("the same assessment again stores nothing")
                .containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent", "DeviceDetailsUpdatedEvent");
    }

    /** Defender's values, case-sensitive; the message lists them as it does for the isolation type. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "riskScore, Critical, '[None, Informational, Low, Medium, High]'",
            "riskScore, high, '[None, Informational, Low, Medium, High]'",
            "exposureLevel, Informational, '[None, Low, Medium, High]'"})
    void register_riskScoreOrExposureLevelDefenderDoesNotHave_isInvalidInput_andStoresNothing(String field,
                                                                                             String value,
                                                                                             String allowed) {
        long before = storedEvents();
        String id = newDevice();

        Response r = api.put("/api/machines/" + id, "{\"computerDnsName\":\"h\",\"osPlatform\":\"Windows11\",\""
                + field + "\":\"" + value + "\"}");

        assertError(r, 400, "InvalidInput", field + " must be one of " + allowed + ", was '" + value + "'.");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(eventTypes(id)).isEmpty();
    }

    @Test
    void agentReport_thatDoesNotFit_isInvalidActionState() {
        String id = registeredDevice("Windows11");
        String action = api.isolate(id, "Full").body().get("id").asText();
        api.report(action, "Failed");
        long before = storedEvents();
        assertError(api.report(action, "Succeeded"), 400, "InvalidActionState", action);
        assertError(api.report(action, "Done"), 400, "InvalidInput", "status");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void cancel_pendingAction_returnsTheDeviceToItsStateBefore() {
        String id = registeredDevice("Windows11");
        String action = api.isolate(id, "Full").body().get("id").asText();
        Response cancelled = api.post("/api/machineactions/" + action + "/cancel", "{\"Comment\":\"Wrong device\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("Cancelled");
        assertThat(cancelled.body().get("cancellationComment").asText()).isEqualTo("Wrong device");
        assertThat(cancelled.body().get("cancellationRequestor").asText()).isEqualTo(TestIssuer.TEST_CLIENT);
        assertThat(cancelled.body().get("cancellationDateTimeUtc").isNull()).isFalse();
        assertError(api.post("/api/machineactions/" + action + "/cancel", "{\"Comment\":\"again\"}"), 400,
                "InvalidActionState", action);
        assertError(api.post("/api/machineactions/" + UUID.randomUUID() + "/cancel", "{\"Comment\":\"x\"}"), 404,
                "ResourceNotFound", "was not found");
        assertError(api.post("/api/machineactions/" + action + "/cancel", "{\"Comment\":\"x\",\"ExternalID\":\"e\"}"),
                400, "InvalidRequestBody", "ExternalID");
        assertThat(api.isolate(id, "Full").status()).as("the device is NotIsolated again").isEqualTo(201);
    }

    @Test
    void isolate_fiftyConcurrentRequests_acceptExactlyOne() throws Exception {
        String id = registeredDevice("Windows11");
        int n = 50;
        int created = 0;
        int duplicates = 0;
        for (Response r : Concurrently.run(n, i -> api.isolate(id, "Full"))) {
            if (r.status() == 201) {
                created++;
            } else if (r.status() == 400 && r.body().at("/error/code").asText().equals("ActiveRequestAlreadyExists")) {
                duplicates++;
            }
        }
        assertThat(created).isEqualTo(1);
        assertThat(duplicates).isEqualTo(n - 1);
        assertThat(eventTypes(id)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"Comment\": |400|InvalidRequestBody",
            "comment in the wrong case|{\"comment\":\"x\"}|400|InvalidRequestBody",
            "missing Comment|{\"IsolationType\":\"Full\"}|400|MissingRequiredParameter",
            "empty Comment|{\"Comment\":\"\"}|400|InvalidInput",
            "unknown IsolationType|{\"Comment\":\"x\",\"IsolationType\":\"Partial\"}|400|InvalidInput",
            "UnManagedDevice not offered|{\"Comment\":\"x\",\"IsolationType\":\"UnManagedDevice\"}|400|InvalidInput",
            "Comment of the wrong type|{\"Comment\":{\"a\":1}}|400|InvalidRequestBody",
            "Comment as a number|{\"Comment\":5}|400|InvalidRequestBody",
            "Comment as a boolean|{\"Comment\":true}|400|InvalidRequestBody",
            "a JSON array|[]|400|InvalidRequestBody",
            "no body at all||400|InvalidRequestBody",
            "NUL in the Comment|{\"Comment\":\"a\\u0000b\"}|400|InvalidInput",
            "escape sequence in the Comment|{\"Comment\":\"a\\u001b[31mb\"}|400|InvalidInput",
            "control character in ExternalID|{\"Comment\":\"x\",\"ExternalID\":\"a\\nb\"}|400|InvalidInput",
            "lone surrogate in the Comment|{\"Comment\":\"a\\ud800b\"}|400|InvalidInput",
            "lone low surrogate in the Comment|{\"Comment\":\"a\\udc00\"}|400|InvalidInput",
            "bidi override in the Comment|{\"Comment\":\"see \\u202etxt.exe\"}|400|InvalidInput",
            "bidi mark in ExternalID|{\"Comment\":\"x\",\"ExternalID\":\"a\\u200fb\"}|400|InvalidInput",
    })
    void isolate_badInput_isRejectedAndStoresNothing(String why, String body, int status, String code) {
        String id = registeredDevice("Windows11");
        long before = storedEvents();
        assertError(api.post("/api/machines/" + id + "/isolate", body == null ? "" : body), status, code, "");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** What a fuzz run found: text that is not what it looks like never reaches an event. */
    @Test
    void invalidUtf8_andMisleadingText_areRefused_andStoreNothing() {
        String id = registeredDevice("Windows11");
        long before = storedEvents();
        // C0 AF is an overlong '/', ED A0 80 an encoded surrogate, E2 82 a truncated sequence.
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82})) {
            byte[] body = concat("{\"Comment\":\"a".getBytes(StandardCharsets.UTF_8), bad,
                    "b\"}".getBytes(StandardCharsets.UTF_8));
            java.net.http.HttpResponse<String> r = api.exchange(java.net.http.HttpRequest.newBuilder(
                    api.uri("/api/machines/" + id + "/isolate")).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("InvalidRequestBody", "not valid UTF-8");
        }
        assertError(api.put("/api/machines/" + id, "{\"computerDnsName\":\"laptop\u202egnp.exe\","
                + "\"osPlatform\":\"Windows11\"}"), 400, "InvalidInput", "bidirectional");
        assertThat(storedEvents()).isEqualTo(before);
        Response rtl = api.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"\u05e9\u05dc\u05d5\u05dd"
                + "\u200f (ticket 7), \ud83d\udd12 locked\"}");
        assertThat(rtl.status()).as("Hebrew with its RLM, and an emoji, are text").isEqualTo(201);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void isolate_multiLineComment_isAccepted() {
        String id = registeredDevice("Windows11");
        assertThat(api.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"line one\\nline two\\tend\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void register_controlCharacterInName_isRejected() {
        long before = storedEvents();
        Response r = api.put("/api/machines/" + newDevice(),
                "{\"computerDnsName\":\"host\\u0000evil\",\"osPlatform\":\"Windows11\"}");
        assertError(r, 400, "InvalidInput", "control characters");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void isolate_overLongComment_isRejected() {
        String id = registeredDevice("Windows11");
        long before = storedEvents();
        assertError(api.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"" + "x".repeat(4001) + "\"}"), 400,
                "InvalidInput", "4000");
        assertThat(api.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"" + "x".repeat(4000) + "\"}")
                .status()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    /** And an expected refusal leaves no stack trace in the log: it wrote 12 KB (Axon's WARN) per call. */
    @Test
    void isolate_unknownDevice_is404(CapturedOutput log) {
        long before = storedEvents();
        assertError(api.isolate("0000000000000000000000000000000000000000", "Full"), 404, "ResourceNotFound",
                "0000000000000000000000000000000000000000");
        assertError(api.isolate("bad%20id!", "Full"), 400, "InvalidInput", "Machine id");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(log.getOut()).doesNotContain("AggregateNotFoundException").doesNotContain("\tat ");
    }

    @Test
    void isolate_macOs_pointsToLiveResponse() {
        String id = newDevice();
        api.register(id, "mac-1", "macOS", null);
        assertError(api.isolate(id, "Full"), 400, "OsPlatformNotSupported", "live response");
    }

    @Test
    void errors_alwaysUseThePublicShape() {
        assertError(api.get("/api/nothing-here"), 404, "NotFound", "");
        assertError(api.get("/api/machines/abc/isolate"), 405, "MethodNotAllowed", "");
        Response r = api.put("/api/machines/abc", "{\"computerDnsName\":\"h\",\"osPlatform\":\"Windows95\"}");
        assertError(r, 400, "InvalidInput", "osPlatform");
    }

    // --- helpers ---

    private static void assertError(Response r, int status, String code, String messagePart) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body().at("/error/code").asText()).as(r.raw()).isEqualTo(code);
        assertThat(r.body().at("/error/message").asText()).contains(messagePart);
        assertThat(r.body().at("/error/target").asText()).isNotBlank();
    }

    private String newDevice() {
        return UUID.randomUUID().toString().replace("-", "") + "abcdefgh";
    }

    private String registeredDevice(String platform) {
        String id = newDevice();
        assertThat(api.register(id, "host-" + id, platform, "22631").status()).isEqualTo(201);
        return id;
    }

    private List<String> eventTypes(String deviceId) {
        return CommandSideInstances.eventTypes(jdbc, deviceId);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
