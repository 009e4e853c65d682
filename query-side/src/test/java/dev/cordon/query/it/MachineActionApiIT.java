package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.projection.DeviceEventProjection;
import dev.cordon.query.projection.RecordedEvent;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Action center list: OData options, order, and that no $filter input reaches SQL. The data is put in
 * through the projection directly (Kafka is covered by ProjectionIT), so it is there at once.
 */
class MachineActionApiIT extends IntegrationTestSupport {

    @Autowired
    private DeviceEventProjection projection;

    private String deviceA;
    private String deviceB;
    /** Actions of this test, in creation order: a-Isolate(1), b-Isolate(2), a-Unisolate(3), b-Isolate(4). */
    private final List<String> actions = new ArrayList<>();

    private void apply(String deviceId, long sequence, DeviceEvent event) {
        projection.apply(new RecordedEvent(UUID.randomUUID().toString(), sequence, event));
    }

    @BeforeEach
    void seed() {
        deviceA = newId("dev-a");
        deviceB = newId("dev-b");
        for (int i = 0; i < 4; i++) {
            actions.add(newId("act"));
        }
        apply(deviceA, 0, TestEvents.registered(deviceA, at(0)));
        apply(deviceB, 0, TestEvents.registered(deviceB, at(0)));
        apply(deviceA, 1, TestEvents.isolationRequested(deviceA, actions.get(0), IsolationType.Full, at(100)));
        apply(deviceB, 1, TestEvents.isolationRequested(deviceB, actions.get(1), IsolationType.Full, at(200)));
        apply(deviceA, 2, TestEvents.isolated(deviceA, actions.get(0), IsolationType.Full, at(250)));
        apply(deviceA, 3, TestEvents.releaseRequested(deviceA, actions.get(2), at(300)));
        apply(deviceB, 2, TestEvents.cancelled(deviceB, actions.get(1), ActionType.Isolate, at(350)));
        apply(deviceB, 3, TestEvents.isolationRequested(deviceB, actions.get(3), IsolationType.Selective, at(400)));
    }

    private static List<String> ids(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().get("value").forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    private String mine() {
        return "(machineId eq '" + deviceA + "' or machineId eq '" + deviceB + "')";
    }

    @Test
    void list_isNewestFirst() {
        ResponseEntity<JsonNode> response = get("/api/machineactions", "$filter", mine());
        assertThat(ids(response)).containsExactly(actions.get(3), actions.get(2), actions.get(1), actions.get(0));
        assertThat(response.getBody().get("@odata.context").asText()).endsWith("/api/$metadata#MachineActions");
        JsonNode first = response.getBody().get("value").get(0);
        assertThat(first.has("@odata.context")).isFalse();
        assertThat(first.get("lastUpdateTimeUtc").asText()).isEqualTo("2024-01-01T00:06:40Z");
        assertThat(first.get("scope").asText()).isEqualTo("Selective");
    }

    @Test
    void list_withTopAndSkip_pages() {
        assertThat(ids(get("/api/machineactions", "$filter", mine(), "$top", "2")))
                .containsExactly(actions.get(3), actions.get(2));
        assertThat(ids(get("/api/machineactions", "$filter", mine(), "$top", "2", "$skip", "2")))
                .containsExactly(actions.get(1), actions.get(0));
        assertThat(ids(get("/api/machineactions", "$filter", mine(), "$skip", "3"))).containsExactly(actions.get(0));
        assertThat(ids(get("/api/machineactions", "$filter", mine(), "$top", "0"))).isEmpty();
    }

    @Test
    void list_withDefenderStyleFilters_returnsMatches() {
        assertThat(ids(get("/api/machineactions", "$filter",
                "status eq 'Pending' and machineId eq '" + deviceB + "' and type eq 'Isolate' and requestor eq 'analyst@corp.example'")))
                .containsExactly(actions.get(3));
        assertThat(ids(get("/api/machineactions", "$filter", mine() + " and type eq 'Isolate'")))
                .containsExactly(actions.get(3), actions.get(1), actions.get(0));
        assertThat(ids(get("/api/machineactions", "$filter", mine() + " and status ne 'Pending'")))
                .containsExactly(actions.get(1), actions.get(0));
        assertThat(ids(get("/api/machineactions", "$filter", "id eq '" + actions.get(2) + "'")))
                .containsExactly(actions.get(2));
    }

    @Test
    void list_withPrecedence_andBindsTighterThanOr() {
        String filter = "machineId eq '" + deviceA + "' or machineId eq '" + deviceB + "' and status eq 'Cancelled'";
        assertThat(ids(get("/api/machineactions", "$filter", filter)))
                .containsExactly(actions.get(2), actions.get(1), actions.get(0));
    }

    @Test
    void list_withCreationTimeRange_bareAndQuoted() {
        assertThat(ids(get("/api/machineactions", "$filter",
                mine() + " and creationDateTimeUtc ge 2024-01-01T00:03:20Z and creationDateTimeUtc lt '2024-01-01T00:06:40Z'")))
                .containsExactly(actions.get(2), actions.get(1));
        assertThat(ids(get("/api/machineactions", "$filter",
                mine() + " and creationDateTimeUtc ge 2024-01-01T01:06:40+01:00")))
                .containsExactly(actions.get(3));
    }

    @Test
    void list_whenQuoteEscapedInLiteral_matchesLiterally() {
        assertThat(ids(get("/api/machineactions", "$filter", "machineId eq '" + deviceA + "'' or ''1''=''1'")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id eq '1' or 1=1", "id eq '1'; drop table machine_action; --",
            "machineId eq 'x' union select", "machineId eq 'x' union select * from machine", "password eq 'x'",
            "(machineId eq 'a' or machineId eq 'b'", "machineId eq 'a')", "machineId eq 'a' garbage",
            "status gt 'Pending'", "status eq 'Bogus'", "type eq 'isolate'", "computerDnsName eq 'x'",
            "machineId eq x", "creationDateTimeUtc ge 'not a date'", "machine_id eq 'x'",
            "id eq '1' or 'a'='a'", "machineId eq 'x' --", "requestor eq 'a\u0000'",
            "creationDateTimeUtc ge '+300000-01-01T00:00:00Z'"})
    void list_whenFilterHostileOrInvalid_is400ODataErrorAndTablesIntact(String filter) {
        int before = jdbc.queryForObject("select count(*) from machine_action", Integer.class);
        ResponseEntity<JsonNode> response = get("/api/machineactions", "$filter", filter);
        assertODataError(response);
        assertThat(response.getBody().at("/error/message").asText()).contains("position");
        assertTablesIntact(before);
    }

    @Test
    void list_whenParenthesesTenThousandDeep_is400ODataError() {
        int before = jdbc.queryForObject("select count(*) from machine_action", Integer.class);
        assertODataError(get("/api/machineactions", "$filter", "(".repeat(10_000) + "id eq '1'"));
        assertODataError(get("/api/machineactions", "$filter", "(".repeat(40) + "id eq '1'" + ")".repeat(40)));
        assertTablesIntact(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "-1", "ten", "1 or 1=1"})
    void list_whenTopInvalid_is400ODataError(String top) {
        assertODataError(get("/api/machineactions", "$top", top));
    }

    @Test
    void list_whenSkipNegative_is400ODataError() {
        assertODataError(get("/api/machineactions", "$skip", "-5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$Filter", "$FILTER", "$TOP", "$skipp", "$expand", "$orderBy"})
    void list_whenQueryOptionUnknownOrWronglyCased_is400ODataError(String option) {
        ResponseEntity<JsonNode> response = get("/api/machineactions", option, "status eq 'Pending'");
        assertODataError(response);
        assertThat(response.getBody().at("/error/message").asText()).contains(option)
                .contains("$filter, $top, $skip, $orderby, $select, $count");
    }

    @Test
    void list_whenQueryOptionRepeated_is400ODataError() {
        assertODataError(get("/api/machineactions", "$filter", mine(), "$filter", "status eq 'Pending'"));
    }

    @Test
    void list_withSelectAndCount_ignoresThem() {
        assertThat(ids(get("/api/machineactions", "$filter", mine(), "$select", "id,status", "$count", "true")))
                .containsExactly(actions.get(3), actions.get(2), actions.get(1), actions.get(0));
    }

    @Test
    void list_withOrderByCreationTime_isOrderedAsAsked() {
        assertThat(ids(get("/api/machineactions", "$filter", mine(), "$orderby", "creationDateTimeUtc asc")))
                .containsExactly(actions.get(0), actions.get(1), actions.get(2), actions.get(3));
        assertThat(ids(get("/api/machineactions", "$filter", mine(), "$orderby", "creationDateTimeUtc desc")))
                .containsExactly(actions.get(3), actions.get(2), actions.get(1), actions.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"requestor", "creationDateTimeUtc", "creationDateTimeUtc up", "id asc",
            "creationdatetimeutc asc", "creationDateTimeUtc asc, id desc", ""})
    void list_whenOrderByUnsupported_is400ODataError(String orderBy) {
        assertODataError(get("/api/machineactions", "$orderby", orderBy));
    }

    @Test
    void get_whenGuidIdInOtherCase_findsTheAction() {
        String guid = UUID.randomUUID().toString();
        apply(deviceA, 4, TestEvents.isolationRequested(deviceA, guid, IsolationType.Full, at(500)));

        ResponseEntity<JsonNode> response = get("/api/machineactions/" + guid.toUpperCase());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("id").asText()).isEqualTo(guid);
        assertThat(ids(get("/api/machineactions", "$filter", "id eq '" + guid.toUpperCase() + "'")))
                .containsExactly(guid);
    }

    @Test
    void get_whenActionUnknown_is404ResourceNotFound() {
        ResponseEntity<JsonNode> response = get("/api/machineactions/does-not-exist");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ResourceNotFound");
        assertThat(response.getBody().at("/error/message").asText()).isEqualTo("Action does-not-exist was not found");
        assertThat(response.getBody().at("/error/target").asText()).isNotBlank();
    }

    private void assertODataError(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ODataError");
        assertThat(response.getBody().at("/error/target").asText())
                .isEqualTo(response.getHeaders().getFirst("X-Request-ID")).isNotBlank();
    }

    private void assertTablesIntact(int actionsBefore) {
        for (String table : List.of("machine_action", "machine", "timeline_entry")) {
            assertThat(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table))
                    .as(table).isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from machine_action", Integer.class))
                .isGreaterThanOrEqualTo(actionsBefore);
        assertThat(jdbc.queryForObject("select count(*) from machine_action where machine_id in (?, ?)",
                Integer.class, deviceA, deviceB)).isEqualTo(4);
    }
}
