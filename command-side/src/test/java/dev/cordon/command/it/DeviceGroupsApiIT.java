package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.IntegrationTestSupport;
import dev.cordon.service.security.Claims;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.testing.TestIssuer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Device groups on the command side (DemoDeviceGroups: Servers and Workstations by OS platform): a registration puts
 * the device in a group, and outside a caller's groups the device does not exist for it, on every command and every
 * audit read, with the same 404 as a device never registered, storing nothing.
 */
class DeviceGroupsApiIT extends IntegrationTestSupport {

    private static final String RESPONDER = "responder@corp.example";

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = api();
    }

    // --- registration ---

    @Test
    void register_putsTheDeviceInTheGroupItsRuleMatches_andAnswersIt() {
        String id = newDevice();
        Response r = api.register(id, "srv-" + id, "WindowsServer2019", "17763");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("rbacGroupId").asInt()).isEqualTo(1);
        assertThat(r.body().get("rbacGroupName").asText()).isEqualTo("Servers");
        assertThat(eventTypes(id)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent");
        JsonNode changed = payload(id, 1);
        assertThat(changed.get("reason").asText()).isEqualTo("Group rule of Servers: osPlatform is WindowsServer2019");
        assertThat(changed.get("requestor").asText()).isEqualTo(TestIssuer.TEST_CLIENT);
        assertThat(changed.get("previousGroupName").isNull()).isTrue();
    }

    @Test
    void register_withAGroupName_movesTheDevice_andTheSameGroupAgainStoresNothing() {
        String id = newDevice();
        assertThat(register(api, id, "Windows11", null).status()).isEqualTo(201);
        Response moved = register(api, id, "Windows11", "servers");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().get("rbacGroupName").asText()).isEqualTo("Servers");
        assertThat(register(api, id, "Windows11", "Servers").status()).isEqualTo(200);
        assertThat(eventTypes(id)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceGroupChangedEvent");
        assertThat(payload(id, 2).get("previousGroupName").asText()).isEqualTo("Workstations");
        assertThat(payload(id, 2).get("reason").asText()).isEqualTo("Named in the registration");
    }

    @Test
    void register_withAnUnknownGroupName_is400ListingTheGroups_andStoresNothing() {
        String id = newDevice();
        Response r = register(api, id, "Windows11", "Kiosks");
        assertError(r, 400, "InvalidInput", "Servers, Workstations, Unassigned");
        assertThat(eventTypes(id)).isEmpty();
    }

    @Test
    void register_ofANewDeviceIntoAGroupOutsideTheCallersGroups_is403_andStoresNothing() {
        HttpApi admin = api.as(TestIssuer.get().user("admin@corp.example", CordonRole.ADMINISTRATOR,
                List.of("Workstations"), "Machine.ReadWrite.All", "Machine.Read.All"));
        String id = newDevice();
        assertError(register(admin, id, "WindowsServer2022", null), 403, "Forbidden", "Servers");
        assertThat(eventTypes(id)).isEmpty();
        assertThat(register(admin, id, "Windows11", null).status()).isEqualTo(201);
    }

    @Test
    void reRegister_andTags_ofADeviceOutsideTheCallersGroups_are404_andStoreNothing() {
        HttpApi admin = api.as(TestIssuer.get().user("admin@corp.example", CordonRole.ADMINISTRATOR,
                List.of("Workstations"), "Machine.ReadWrite.All", "Machine.Read.All"));
        String server = device("WindowsServer2019");
        long before = storedEvents(server);
        assertNotFound(register(admin, server, "WindowsServer2019", null), server);
        assertNotFound(admin.post("/api/machines/" + server + "/tags", "{\"Value\":\"VIP\",\"Action\":\"Add\"}"),
                server);
        assertThat(storedEvents(server)).isEqualTo(before);
        String workstation = device("Windows11");
        assertThat(admin.post("/api/machines/" + workstation + "/tags", "{\"Value\":\"VIP\",\"Action\":\"Add\"}")
                .status()).isEqualTo(200);
    }

    // --- people: role and groups ---

    @Test
    void viewer_cannotIsolate_evenInItsGroup() {
        String server = device("WindowsServer2019");
        HttpApi viewer = api.as(TestIssuer.get().user("viewer@corp.example", CordonRole.VIEWER, List.of("Servers"),
                "Machine.Read.All", "Machine.Isolate"));
        assertThat(viewer.isolate(server, "Full").status()).isEqualTo(403);
        assertThat(eventTypes(server)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent");
    }

    @Test
    void responder_inItsGroup_isolates_asItself() {
        String server = device("WindowsServer2019");
        Response r = responderOf("servers").isolate(server, "Full");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("requestor").asText()).isEqualTo(RESPONDER);
    }

    @Test
    void responder_outsideItsGroup_findsNoDevice_onEveryCommandAndAuditRead() {
        Instant start = Instant.now().minusSeconds(1);
        String server = device("WindowsServer2019");
        String isolation = api.isolate(server, "Full").body().get("id").asText();
        HttpApi responder = responderOf("Workstations");
        long before = storedEvents(server);

        assertNotFound(responder.isolate(server, "Full"), server);
        assertNotFound(responder.release(server), server);
        assertError(responder.post("/api/machineactions/" + isolation + "/cancel", "{\"Comment\":\"no\"}"), 404,
                "ResourceNotFound", "Action " + isolation + " was not found.");
        assertNotFound(responder.get("/api/machines/" + server + "/history"), server);
        assertNotFound(responder.get("/api/machines/" + server + "/state?at=" + Instant.now()), server);
        assertNotFound(responder.get("/api/audit/events?machineId=" + server), server);
        assertThat(storedEvents(server)).as("nothing stored by any refusal").isEqualTo(before);

        String workstation = device("Windows11");
        String export = responder.getText("/api/audit/events?from=" + start).raw();
        assertThat(export).contains(workstation).doesNotContain(server);
        assertThat(responder.get("/api/machines/" + workstation + "/history").status()).isEqualTo(200);
    }

    /** A device never registered answers the same, so the 404 says nothing of a device in another group. */
    @Test
    void notFound_outsideTheGroups_readsAsAnUnknownDevice() {
        String unknown = newDevice();
        HttpApi responder = responderOf("Workstations");
        assertNotFound(responder.isolate(unknown, "Full"), unknown);
        assertNotFound(responder.get("/api/machines/" + unknown + "/history"), unknown);
    }

    /** By its aadDeviceId, as older Defender clients name it: the real machine id is not given away either. */
    @Test
    void isolateByAadDeviceId_outsideTheGroups_readsAsAnUnknownMachineId() {
        String server = newDevice();
        String aad = UUID.randomUUID().toString();
        assertThat(api.put("/api/machines/" + server, "{\"computerDnsName\":\"srv-aad\",\"osPlatform\":"
                + "\"WindowsServer2019\",\"osBuild\":\"17763\",\"aadDeviceId\":\"" + aad + "\"}").status())
                .isEqualTo(201);
        long before = storedEvents(server);
        assertNotFound(responderOf("Workstations").isolate(aad, "Full"), aad);
        assertThat(storedEvents(server)).isEqualTo(before);
        Response r = responderOf("Servers").isolate(aad, "Full");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("machineId").asText()).isEqualTo(server);
    }

    @Test
    void state_showsTheGroupTheDeviceWasInThen() {
        String id = device("Windows11");
        Instant between = Instant.now();
        assertThat(register(api, id, "Windows11", "Servers").status()).isEqualTo(200);
        JsonNode then = api.get("/api/machines/" + id + "/state?at=" + between).body();
        assertThat(then.get("rbacGroupName").asText()).isEqualTo("Workstations");
        JsonNode now = api.get("/api/machines/" + id + "/state?at=" + Instant.now()).body();
        assertThat(now.get("rbacGroupId").asInt()).isEqualTo(1);
        assertThat(now.get("rbacGroupName").asText()).isEqualTo("Servers");
    }

    /** A device moved out of a caller's groups is gone for it from then on, replayed Idempotency-Key and all. */
    @Test
    void idempotencyReplay_afterTheDeviceLeftTheCallersGroups_is404() {
        String id = device("WindowsServer2019");
        String key = UUID.randomUUID().toString();
        HttpApi responder = responderOf("Servers");
        Response first = responder.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"c\"}",
                "Idempotency-Key", key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(responder.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"c\"}", "Idempotency-Key", key)
                .status()).as("replayed while in its groups").isEqualTo(201);

        assertThat(register(api, id, "WindowsServer2019", "Workstations").status()).isEqualTo(200);
        assertNotFound(responder.post("/api/machines/" + id + "/isolate", "{\"Comment\":\"c\"}",
                "Idempotency-Key", key), id);
    }

    // --- applications ---

    @Test
    void application_coversEveryGroup_unlessItsTokenLimitsIt() {
        String server = device("WindowsServer2019");
        String workstation = device("Windows11");
        assertThat(api.isolate(server, "Full").status()).isEqualTo(201);
        assertThat(api.isolate(workstation, "Full").status()).isEqualTo(201);

        HttpApi limited = api.as(TestIssuer.get().token(claims -> claims
                .claim(Claims.ROLES, List.of("Machine.Isolate", "Machine.Read.All"))
                .claim(Claims.APP_ID, "app-soar").claim(Claims.AUTHORIZED_PARTY, "app-soar")
                .claim(Claims.APP_DISPLAY_NAME, "SOAR").claim(Claims.DEVICE_GROUPS, List.of("Workstations"))));
        long before = storedEvents(server);
        assertNotFound(limited.release(server), server);
        assertThat(storedEvents(server)).isEqualTo(before);
        String workstation2 = device("Windows10");
        Response r = limited.isolate(workstation2, "Full");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("requestor").asText()).isEqualTo("SOAR");
    }

    // --- helpers ---

    private HttpApi responderOf(String group) {
        return api.as(TestIssuer.get().user(RESPONDER, CordonRole.RESPONDER, List.of(group), "Machine.Read.All",
                "Machine.Isolate"));
    }

    private static Response register(HttpApi as, String id, String platform, String group) {
        return as.put("/api/machines/" + id, "{\"computerDnsName\":\"host-" + id + "\",\"osPlatform\":\"" + platform
                + "\"" + (group == null ? "" : ",\"rbacGroupName\":\"" + group + "\"") + "}");
    }

    private String device(String platform) {
        String id = newDevice();
        assertThat(api.register(id, "host-" + id, platform, platform.startsWith("Windows1") ? "22631" : "17763")
                .status()).isEqualTo(201);
        return id;
    }

    private static void assertNotFound(Response r, String deviceId) {
        assertError(r, 404, "ResourceNotFound", "Machine " + deviceId + " was not found.");
    }

    private static void assertError(Response r, int status, String code, String message) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body().at("/error/code").asText()).as(r.raw()).isEqualTo(code);
        assertThat(r.body().at("/error/message").asText()).contains(message);
    }

    private static String newDevice() {
        return UUID.randomUUID().toString().replace("-", "") + "abcdefgh";
    }

    private List<String> eventTypes(String deviceId) {
        return CommandSideInstances.eventTypes(jdbc, deviceId);
    }

    private long storedEvents(String deviceId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, deviceId);
    }

    private JsonNode payload(String deviceId, long sequence) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(jdbc.queryForObject(
                    "select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                    byte[].class, deviceId, sequence));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
