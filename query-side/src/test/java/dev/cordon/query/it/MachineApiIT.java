package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.query.projection.DeviceEventProjection;
import dev.cordon.query.projection.RecordedEvent;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class MachineApiIT extends IntegrationTestSupport {

    @Autowired
    private DeviceEventProjection projection;

    private String device;
    private String other;

    @BeforeEach
    void seed() {
        device = newId("dev");
        other = newId("dev");
        projection.apply(new RecordedEvent(newId("evt"), 0, TestEvents.registered(device, at(0))));
        projection.apply(new RecordedEvent(newId("evt"), 1,
                TestEvents.isolationRequested(device, newId("act"), IsolationType.Full, at(5))));
        projection.apply(new RecordedEvent(newId("evt"), 0, TestEvents.registered(other, at(1))));
    }

    private static List<String> ids(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().get("value").forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    @Test
    void get_returnsEveryField() {
        JsonNode machine = get("/api/machines/" + device).getBody();
        List<String> fields = new ArrayList<>();
        machine.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("@odata.context", "id", "computerDnsName", "osPlatform", "osBuild",
                "version", "aadDeviceId", "isAadJoined", "isolationState", "isolationScope", "pendingActionId",
                "lastActionId", "lastActionType", "lastActionStatus", "firstSeen", "lastUpdate", "onboardingStatus",
                "healthStatus", "lastSeen", "lastIpAddress", "lastExternalIpAddress", "riskScore", "exposureLevel",
                "machineTags", "rbacGroupId", "rbacGroupName");
        assertThat(machine.get("rbacGroupId").isNull()).as("registered before groups existed").isTrue();
        assertThat(machine.get("rbacGroupName").isNull()).isTrue();
        assertThat(machine.get("machineTags").isArray()).isTrue();
        assertThat(machine.get("isAadJoined").asBoolean()).isTrue();
        assertThat(machine.get("osBuild").isNumber()).as("Defender's osBuild is a number").isTrue();
        assertThat(machine.get("osBuild").asLong()).isEqualTo(22631);
        assertThat(machine.get("onboardingStatus").asText()).as("no agent has called").isEqualTo("CanBeOnboarded");
        assertThat(machine.get("isolationState").asText()).isEqualTo("IsolationPending");
        assertThat(machine.get("osPlatform").asText()).isEqualTo("Windows11");
        assertThat(machine.get("firstSeen").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(machine.get("@odata.context").asText()).endsWith("/api/$metadata#Machines/$entity");
    }

    /** Defender's names and values, as the registering inventory reported them; its no-data None without. */
    @Test
    void riskScoreAndExposureLevel_areTheRegisteringInventorys_andNoneWithoutThem() {
        String assessed = newId("dev");
        projection.apply(new RecordedEvent(newId("evt"), 0,
                TestEvents.registered(assessed, RiskScore.High, ExposureLevel.Medium, at(2))));
        String ours = " and (id eq '" + assessed + "' or id eq '" + other + "')";

        JsonNode machine = get("/api/machines/" + assessed).getBody();
        assertThat(machine.get("riskScore").asText()).isEqualTo("High");
        assertThat(machine.get("exposureLevel").asText()).isEqualTo("Medium");
        JsonNode unassessed = get("/api/machines/" + other).getBody();
        assertThat(unassessed.get("riskScore").asText()).isEqualTo("None");
        assertThat(unassessed.get("exposureLevel").asText()).isEqualTo("None");
        assertThat(ids(get("/api/machines", "$filter", "riskScore eq 'High'" + ours))).containsExactly(assessed);
        assertThat(ids(get("/api/machines", "$filter", "exposureLevel eq 'Medium'" + ours))).containsExactly(assessed);
        assertThat(ids(get("/api/machines", "$filter", "riskScore eq 'None'" + ours))).containsExactly(other);
        assertThat(ids(get("/api/machines", "$filter", "exposureLevel ne 'Medium'" + ours))).containsExactly(other);

        projection.apply(new RecordedEvent(newId("evt"), 1, TestEvents.detailsUpdated(assessed,
                assessed + ".corp.example", RiskScore.Low, ExposureLevel.Medium, at(3))));

        assertThat(get("/api/machines/" + assessed).getBody().get("riskScore").asText()).isEqualTo("Low");
        assertThat(ids(get("/api/machines", "$filter", "riskScore eq 'High'" + ours))).isEmpty();
        assertThat(get("/api/machines", "$filter", "riskScore eq 'Critical'").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void list_byComputerDnsNameOrAadDeviceId_findsTheDevice() {
        ResponseEntity<JsonNode> byName = get("/api/machines", "$filter",
                "computerDnsName eq '" + device + ".corp.example'");
        assertThat(ids(byName)).containsExactly(device);
        assertThat(byName.getBody().get("@odata.context").asText()).endsWith("/api/$metadata#Machines");
        assertThat(ids(get("/api/machines", "$filter", "aadDeviceId eq 'aad-" + other + "'")))
                .containsExactly(other);
        assertThat(ids(get("/api/machines", "$filter", "(id eq '" + device + "' or id eq '" + other
                + "') and isolationState eq 'NotIsolated' and osPlatform eq 'Windows11'"))).containsExactly(other);
    }

    /** Defender documents GET /api/machines/{id} as taking the machine id or the computer name. */
    @Test
    void get_byComputerName_caseInsensitive_isTheDevice_andUnderTheVersionedPathToo() {
        JsonNode byName = get("/api/machines/" + device.toUpperCase() + ".Corp.Example").getBody();
        assertThat(byName.get("id").asText()).isEqualTo(device);
        assertThat(get("/api/v1.0/machines/" + device + ".corp.example").getBody().get("id").asText())
                .isEqualTo(device);
        assertThat(get("/api/v1.0/machines/" + other).getBody().get("id").asText()).isEqualTo(other);
        assertThat(ids(get("/api/v1.0/machines", "$filter", "id eq '" + other + "'"))).containsExactly(other);
    }

    /** Never a guess: a name two devices share is refused, naming both. */
    @Test
    void get_byAComputerNameTwoDevicesShare_is400NamingBoth() {
        String twin = newId("dev");
        String name = "shared-" + device + ".corp.example";
        projection.apply(new RecordedEvent(newId("evt"), 0, new DeviceRegisteredEvent(device + "a", name,
                OsPlatform.Windows11, "22631", "23H2", null, RiskScore.None, ExposureLevel.None, at(2))));
        projection.apply(new RecordedEvent(newId("evt"), 0, new DeviceRegisteredEvent(twin, name.toUpperCase(),
                OsPlatform.Windows10, "19045", "22H2", null, RiskScore.None, ExposureLevel.None, at(3))));

        ResponseEntity<JsonNode> response = get("/api/machines/" + name);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("InvalidInput");
        assertThat(response.getBody().at("/error/message").asText()).contains(device + "a", twin);
    }

    /** A PowerShell module's documented example: startswith(computerDnsName,'ws-'), case-insensitive. */
    @Test
    void list_startswith_onTheComputerName_findsByPrefix_caseInsensitively_wildcardsLiteral() {
        assertThat(ids(get("/api/machines", "$filter", "startswith(computerDnsName,'" + device.toUpperCase() + "')")))
                .containsExactly(device);
        assertThat(ids(get("/api/machines", "$filter", "startswith(computerDnsName,'" + device.substring(0, 3)
                + "%') or startswith(computerDnsName,'_" + device.substring(1, 4) + "')"))).isEmpty();
        assertThat(ids(get("/api/machines", "$filter", "startswith(computerDnsName,'" + device + "') or "
                + "startswith(aadDeviceId,'aad-" + other + "')"))).containsExactlyInAnyOrder(device, other);
        assertThat(ids(get("/api/machines", "$filter", "startswith(version,'23h') and id eq '" + device + "'")))
                .containsExactly(device);
        assertThat(ids(get("/api/machines", "$filter", "version eq '22H2' and id eq '" + device + "'"))).isEmpty();
    }

    @Test
    void list_whenFilterInvalid_is400ODataError() {
        ResponseEntity<JsonNode> response = get("/api/machines", "$filter", "status eq 'Pending'");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ODataError");
        assertThat(get("/api/machines", "$top", "10001").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void list_withOrderBy_isOrderedAsAsked() {
        String both = "id eq '" + device + "' or id eq '" + other + "'";
        List<String> ascending = device.compareTo(other) < 0 ? List.of(device, other) : List.of(other, device);
        assertThat(ids(get("/api/machines", "$filter", both))).isEqualTo(ascending);
        assertThat(ids(get("/api/machines", "$filter", both, "$orderby", "id asc"))).isEqualTo(ascending);
        assertThat(ids(get("/api/machines", "$filter", both, "$orderby", "id desc")))
                .isEqualTo(List.of(ascending.get(1), ascending.get(0)));
        assertThat(ids(get("/api/machines", "$filter", both, "$orderby", "computerDnsName desc")))
                .isEqualTo(List.of(ascending.get(1), ascending.get(0)));
    }

    @Test
    void list_whenOrderByOrOptionUnsupported_is400ODataError() {
        for (String[] query : new String[][] {{"$orderby", "creationDateTimeUtc desc"}, {"$orderby", "osPlatform"},
                {"$Top", "1"}}) {
            ResponseEntity<JsonNode> response = get("/api/machines", query);
            assertThat(response.getStatusCode()).as(query[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ODataError");
        }
    }

    @Test
    void get_whenUnknown_is404ResourceNotFound() {
        ResponseEntity<JsonNode> response = get("/api/machines/nope");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ResourceNotFound");
        assertThat(response.getBody().at("/error/message").asText()).isEqualTo("Machine nope was not found");
    }

    @Test
    void timeline_whenUnknown_is404ResourceNotFound() {
        ResponseEntity<JsonNode> response = get("/api/machines/nope/timeline");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ResourceNotFound");
    }

    /**
     * Tags as Defender's clients filter on them: machineTags/any(tag: tag eq 'x'), case-insensitively, the tag's own
     * wildcards literal, a tag that only contains the value no match; startswith inside any(); any() for tagged at all.
     */
    @Test
    void tags_areShown_inTheTimelineToo_andFilteredWithAny() {
        projection.apply(new RecordedEvent(newId("evt"), 2, TestEvents.tagAdded(device, "Finance servers", at(6))));
        projection.apply(new RecordedEvent(newId("evt"), 3, TestEvents.tagAdded(device, "50%_off", at(7))));
        projection.apply(new RecordedEvent(newId("evt"), 4, TestEvents.tagAdded(device, "VIP", at(8))));
        projection.apply(new RecordedEvent(newId("evt"), 5, TestEvents.tagRemoved(device, "VIP", at(9))));
        projection.apply(new RecordedEvent(newId("evt"), 1, TestEvents.tagAdded(other, "Finance", at(6))));

        JsonNode machine = get("/api/machines/" + device).getBody();
        assertThat(machine.get("machineTags").toString()).isEqualTo("[\"Finance servers\",\"50%_off\"]");
        assertThat(machine.get("isolationState").asText()).as("tags change no isolation").isEqualTo("IsolationPending");
        String mine = " and (id eq '" + device + "' or id eq '" + other + "')";
        assertThat(ids(get("/api/machines", "$filter", "machineTags/any(tag: tag eq 'finance SERVERS')" + mine)))
                .containsExactly(device);
        assertThat(ids(get("/api/machines", "$filter", "machineTags/any(t:t eq 'Finance')" + mine)))
                .containsExactly(other);
        assertThat(ids(get("/api/machines", "$filter", "machineTags/any(tag: tag eq 'VIP')" + mine))).isEmpty();
        assertThat(ids(get("/api/machines", "$filter", "machineTags/any(tag: tag eq '50%')" + mine))).isEmpty();
        assertThat(ids(get("/api/machines", "$filter", "machineTags/any(tag: tag eq 'servers')" + mine))).isEmpty();
        assertThat(ids(get("/api/machines", "$filter", "machineTags/any(tag: startswith(tag,'fin'))" + mine)))
                .containsExactlyInAnyOrder(device, other);
        assertThat(ids(get("/api/v1.0/machines", "$filter", "machineTags/any(tag: startswith(tag,'50%_'))" + mine)))
                .containsExactly(device);
        assertThat(ids(get("/api/machines", "$filter", "machineTags/any()" + mine)))
                .containsExactlyInAnyOrder(device, other);

        JsonNode timeline = get("/api/machines/" + device + "/timeline").getBody().get("value");
        assertThat(timeline.get(2).get("eventType").asText()).isEqualTo("DeviceTagAdded");
        assertThat(timeline.get(2).get("tag").asText()).isEqualTo("Finance servers");
        assertThat(timeline.get(2).get("requestor").asText()).isEqualTo("analyst@corp.example");
        assertThat(timeline.get(5).get("eventType").asText()).isEqualTo("DeviceTagRemoved");
        assertThat(timeline.get(5).get("tag").asText()).isEqualTo("VIP");
        assertThat(timeline.get(1).get("tag").isNull()).as("no tag on other events").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"machineTags eq 'x'", "machineTags/any(tag: tag ne 'x')", "machineTags/any(tag: t eq 'x')",
            "machineTags/all(tag: tag eq 'x')", "computerDnsName/any(tag: tag eq 'x')", "machineTags/any(tag eq 'x')",
            "machineTags/any(tag: tag eq 'x'", "machineTags/any(tag: startswith(machineTags,'x'))"})
    void tags_filterMalformed_is400ODataError(String filter) {
        ResponseEntity<JsonNode> response = get("/api/machines", "$filter", filter);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ODataError");
    }

    @Test
    void timeline_listsEntriesInSequenceOrder() {
        JsonNode body = get("/api/machines/" + device + "/timeline").getBody();
        assertThat(body.get("machineId").asText()).isEqualTo(device);
        assertThat(body.get("value")).hasSize(2);
        JsonNode request = body.get("value").get(1);
        List<String> fields = new ArrayList<>();
        request.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("timestamp", "eventType", "actionId", "actionType", "status",
                "requestor", "comment", "tag", "groupName", "previousGroupName", "reason", "sequence", "eventId");
        assertThat(request.get("eventType").asText()).isEqualTo("DeviceIsolationRequested");
        assertThat(request.get("comment").asText()).isEqualTo("Suspicious beaconing");
    }
}
