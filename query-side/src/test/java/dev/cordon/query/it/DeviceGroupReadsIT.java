package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.projection.DeviceEventProjection;
import dev.cordon.query.projection.RecordedEvent;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.SseClient;
import dev.cordon.query.support.TestDatabases;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.testing.TestIssuer;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Device groups on every read: a responder limited to Servers sees the server and nothing of the workstation (nor of
 * a device registered before groups existed), with the answers of a device that does not exist; the tests' usual
 * caller, an application covering every group, sees all three.
 */
class DeviceGroupReadsIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    private DeviceEventProjection projection;

    private final Map<String, Long> sequences = new HashMap<>();
    private String server;
    private String workstation;
    private String ungrouped;
    private String serverAction;
    private String workstationAction;
    /** The three devices of this test, for a $filter that ignores other tests' devices. */
    private String ours;

    @BeforeEach
    void seed() {
        server = newId("srv");
        workstation = newId("ws");
        ungrouped = newId("old");
        serverAction = UUID.randomUUID().toString();
        workstationAction = UUID.randomUUID().toString();
        apply(TestEvents.registered(server, at(0)));
        apply(TestEvents.groupChanged(server, 1, "Servers", null, at(0)));
        apply(TestEvents.isolationRequested(server, serverAction, IsolationType.Full, at(1)));
        apply(TestEvents.registered(workstation, at(0)));
        apply(TestEvents.groupChanged(workstation, 2, "Workstations", null, at(0)));
        apply(TestEvents.isolationRequested(workstation, workstationAction, IsolationType.Full, at(1)));
        apply(TestEvents.registered(ungrouped, at(0)));
        ours = "(id eq '" + server + "' or id eq '" + workstation + "' or id eq '" + ungrouped + "')";
    }

    private void apply(DeviceEvent event) {
        long sequence = sequences.merge(event.deviceId(), 1L, Long::sum) - 1;
        projection.apply(new RecordedEvent(newId("evt"), sequence, event));
    }

    private static String responder(List<String> groups) {
        return "Bearer " + TestIssuer.get().user("responder@corp.example", CordonRole.RESPONDER, groups,
                "Machine.Read.All", "Machine.Isolate");
    }

    private static final String SERVERS_RESPONDER = responder(List.of("servers"));

    private ResponseEntity<JsonNode> getAs(String authorization, String path, String... query) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return exchange(HttpMethod.GET, path, headers, query);
    }

    private static List<String> ids(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().get("value").forEach(node -> ids.add(node.get(field).asText()));
        return ids;
    }

    /** The very answer a device that does not exist gets, its id in the message in place of the other's. */
    private void assertNotFoundLikeNoDevice(ResponseEntity<JsonNode> response, String id, String path) {
        String nobody = newId("none");
        ResponseEntity<JsonNode> none = getAs(SERVERS_RESPONDER, path.replace(id, nobody));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ResourceNotFound");
        assertThat(response.getBody().at("/error/message").asText())
                .isEqualTo(none.getBody().at("/error/message").asText().replace(nobody, id));
    }

    @Test
    void list_andFilter_showOnlyTheCallersGroups_ignoringLetterCase() {
        assertThat(ids(getAs(SERVERS_RESPONDER, "/api/machines", "$filter", ours), "id")).containsExactly(server);
        assertThat(ids(get("/api/machines", "$filter", ours), "id"))
                .containsExactlyInAnyOrder(server, workstation, ungrouped);
        assertThat(ids(getAs(SERVERS_RESPONDER, "/api/machines", "$filter", "id eq '" + workstation + "'"), "id"))
                .isEmpty();
        assertThat(ids(getAs(responder(List.of()), "/api/machines", "$filter", ours), "id"))
                .as("a role assigned in no group").isEmpty();
    }

    @Test
    void entity_showsTheGroup_andFilterTakesItsNameAndId() {
        JsonNode machine = get("/api/machines/" + server).getBody();
        assertThat(machine.get("rbacGroupId").asInt()).isEqualTo(1);
        assertThat(machine.get("rbacGroupName").asText()).isEqualTo("Servers");
        assertThat(get("/api/machines/" + ungrouped).getBody().get("rbacGroupName").isNull()).isTrue();

        assertThat(ids(get("/api/machines", "$filter", "rbacGroupName eq 'Servers' and " + ours), "id"))
                .containsExactly(server);
        assertThat(ids(get("/api/machines", "$filter", "rbacGroupName eq 'WORKSTATIONS' and " + ours), "id"))
                .containsExactly(workstation);
        assertThat(ids(get("/api/machines", "$filter", "startswith(rbacGroupName,'work') and " + ours), "id"))
                .containsExactly(workstation);
        assertThat(ids(get("/api/machines", "$filter", "rbacGroupId eq 2 and " + ours), "id"))
                .containsExactly(workstation);
        assertThat(ids(get("/api/machines", "$filter", "rbacGroupName eq null and " + ours), "id"))
                .containsExactly(ungrouped);
        assertThat(ids(getAs(SERVERS_RESPONDER, "/api/machines", "$filter",
                "rbacGroupName eq 'Workstations' and " + ours), "id")).isEmpty();
        ResponseEntity<JsonNode> quoted = get("/api/machines", "$filter", "rbacGroupId eq '2'");
        assertThat(quoted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void byIdAndByName_outsideTheGroups_isTheNotFoundOfNoDevice() {
        assertThat(getAs(SERVERS_RESPONDER, "/api/machines/" + server).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(getAs(SERVERS_RESPONDER, "/api/machines/" + server + ".corp.example").getBody().get("id").asText())
                .isEqualTo(server);
        for (String path : List.of("/api/machines/" + workstation, "/api/machines/" + workstation + "/timeline",
                "/api/machines/" + workstation + "/isolationoptions", "/api/machines/" + ungrouped)) {
            assertNotFoundLikeNoDevice(getAs(SERVERS_RESPONDER, path), path.contains(ungrouped) ? ungrouped
                    : workstation, path);
        }
        String byName = "/api/machines/" + workstation + ".corp.example";
        assertNotFoundLikeNoDevice(getAs(SERVERS_RESPONDER, byName), workstation + ".corp.example", byName);
        assertThat(get("/api/machines/" + workstation + "/timeline").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(getAs(SERVERS_RESPONDER, "/api/machines/" + server + "/isolationoptions").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void actions_ofAnotherGroupsDevice_areAbsentFromLists_andNotFoundById_untilTheDeviceMovesIn() {
        String mine = "machineId eq '" + server + "' or machineId eq '" + workstation + "'";
        assertThat(ids(getAs(SERVERS_RESPONDER, "/api/machineactions", "$filter", mine), "id"))
                .containsExactly(serverAction);
        assertThat(ids(get("/api/machineactions", "$filter", mine), "id"))
                .containsExactlyInAnyOrder(serverAction, workstationAction);
        assertThat(getAs(SERVERS_RESPONDER, "/api/machineactions/" + serverAction).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> hidden = getAs(SERVERS_RESPONDER, "/api/machineactions/" + workstationAction);
        String nobody = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> none = getAs(SERVERS_RESPONDER, "/api/machineactions/" + nobody);
        assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hidden.getBody().at("/error/message").asText())
                .isEqualTo(none.getBody().at("/error/message").asText().replace(nobody, workstationAction));

        apply(TestEvents.groupChanged(workstation, 1, "Servers", "Workstations", at(2)));

        assertThat(ids(getAs(SERVERS_RESPONDER, "/api/machineactions", "$filter", mine), "id"))
                .as("a move takes the device's older actions along")
                .containsExactlyInAnyOrder(serverAction, workstationAction);
        assertThat(getAs(SERVERS_RESPONDER, "/api/machineactions/" + workstationAction).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(ids(getAs(responder(List.of("Workstations")), "/api/machines", "$filter", ours), "id"))
                .as("and out of the group it left").isEmpty();
    }

    /** An action the projection has not seen yet, read from the command side's action index, goes by its device too. */
    @Test
    void actionOnlyInTheEventStore_ofAnotherGroupsDevice_isNotFound_ofTheCallersDevice_isAnswered() {
        JdbcTemplate eventStore = new JdbcTemplate(new DriverManagerDataSource(TestDatabases.url(EVENT_STORE_DB),
                TestDatabases.USER, ""));
        String onServer = UUID.randomUUID().toString();
        String onWorkstation = UUID.randomUUID().toString();
        for (String[] action : List.of(new String[] {onServer, server}, new String[] {onWorkstation, workstation})) {
            eventStore.update("""
                    insert into action_index (action_id, device_id, action_type, status, requestor,
                        requestor_comment, request_source, created_at, last_update, error_hresult)
                    values (?, ?, 'Isolate', 'Pending', 'analyst@corp.example', 'Alert 7', 'PublicApi', ?, ?, 0)
                    """, action[0], action[1], Timestamp.from(at(10)), Timestamp.from(at(10)));
        }

        assertThat(getAs(SERVERS_RESPONDER, "/api/machineactions/" + onServer).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(getAs(SERVERS_RESPONDER, "/api/machineactions/" + onWorkstation).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/machineactions/" + onWorkstation).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void timeline_namesTheGroupChange() {
        apply(TestEvents.groupChanged(server, 2, "Workstations", "Servers", at(3)));

        JsonNode timeline = get("/api/machines/" + server + "/timeline").getBody().get("value");
        JsonNode first = timeline.get(1);
        assertThat(first.get("eventType").asText()).isEqualTo("DeviceGroupChanged");
        assertThat(first.get("groupName").asText()).isEqualTo("Servers");
        assertThat(first.get("previousGroupName").isNull()).isTrue();
        assertThat(first.get("reason").asText()).isEqualTo("Named in the registration");
        assertThat(first.get("requestor").asText()).isEqualTo("inventory@corp.example");
        JsonNode moved = timeline.get(3);
        assertThat(moved.get("groupName").asText()).isEqualTo("Workstations");
        assertThat(moved.get("previousGroupName").asText()).isEqualTo("Servers");
        assertThat(timeline.get(2).get("groupName").isNull()).as("not on other events").isTrue();
    }

    /**
     * The workstation's change is projected first, the server's after it: when the server's reaches the limited
     * stream, the workstation's would have too, had it been sent.
     */
    @Test
    void changeStream_sendsTheCallersGroupsChangesOnly_andAnUnlimitedCallerEverything() {
        try (SseClient limited = SseClient.connect(baseUrl(), SERVERS_RESPONDER);
             SseClient unlimited = SseClient.connect(baseUrl())) {
            assertThat(limited.next(WAIT).name()).isEqualTo("ready");
            assertThat(unlimited.next(WAIT).name()).isEqualTo("ready");

            apply(TestEvents.tagAdded(workstation, "VIP", at(5)));
            apply(TestEvents.tagAdded(ungrouped, "VIP", at(5)));
            apply(TestEvents.tagAdded(server, "VIP", at(5)));

            limited.next(event -> event.data().contains(server), WAIT);
            unlimited.next(event -> event.data().contains(workstation), WAIT);
            unlimited.next(event -> event.data().contains(ungrouped), WAIT);
            unlimited.next(event -> event.data().contains(server), WAIT);
            assertThat(String.join("\n", limited.lines())).doesNotContain(workstation).doesNotContain(ungrouped)
                    .doesNotContain("deviceGroups");

            // Moved out of Servers: the limited stream hears of it (the device it showed is gone), then no more.
            apply(TestEvents.groupChanged(server, 2, "Workstations", "Servers", at(6)));
            limited.next(event -> event.data().contains(server) && event.data().contains("DeviceGroupChanged"),
                    WAIT);
            apply(TestEvents.tagRemoved(server, "VIP", at(7)));
            apply(TestEvents.groupChanged(workstation, 1, "Servers", "Workstations", at(7)));
            limited.next(event -> event.data().contains(workstation), WAIT);
            assertThat(String.join("\n", limited.lines())).doesNotContain("DeviceTagRemoved");
        }
    }
}
