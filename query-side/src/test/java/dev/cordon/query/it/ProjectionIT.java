package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.query.projection.DataErrors;
import dev.cordon.query.projection.DeviceEventProjection;
import dev.cordon.query.projection.RecordedEvent;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Records produced to Kafka end up in all three read models, exactly once, whatever else is on the topic. */
class ProjectionIT extends IntegrationTestSupport {

    @Autowired
    private DeviceEventProjection projection;

    private JsonNode action(String id) {
        return get("/api/machineactions/" + id).getBody();
    }

    private JsonNode machine(String id) {
        return get("/api/machines/" + id).getBody();
    }

    private JsonNode timeline(String id) {
        return get("/api/machines/" + id + "/timeline").getBody().get("value");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).isNull() ? null : node.get(field).asText()));
        return values;
    }

    private void awaitTimelineSize(String deviceId, int size) {
        eventually().until(() -> {
            var response = get("/api/machines/" + deviceId + "/timeline");
            return response.getStatusCode() == HttpStatus.OK && response.getBody().get("value").size() == size;
        });
    }

    @Test
    void isolateThenRelease_isProjectedToActionsTimelineAndDevice() {
        DeviceStream device = newDevice();
        String isolate = newId("iso");
        String release = newId("rel");
        device.send(TestEvents.registered(device.id, at(0)));
        device.send(TestEvents.isolationRequested(device.id, isolate, IsolationType.Full, at(10)));
        device.send(TestEvents.started(device.id, isolate, ActionType.Isolate, at(20)));
        device.send(TestEvents.isolated(device.id, isolate, IsolationType.Full, at(30)));

        eventually().untilAsserted(() -> assertThat(machine(device.id).path("isolationState").asText())
                .isEqualTo("Isolated"));
        assertThat(machine(device.id).get("isolationScope").asText()).isEqualTo("Full");
        assertThat(machine(device.id).get("pendingActionId").isNull()).isTrue();

        device.send(TestEvents.releaseRequested(device.id, release, at(40)));
        device.send(TestEvents.released(device.id, release, at(50)));
        awaitTimelineSize(device.id, 6);

        JsonNode isolation = action(isolate);
        assertThat(isolation.get("type").asText()).isEqualTo("Isolate");
        assertThat(isolation.get("scope").asText()).isEqualTo("Full");
        assertThat(isolation.get("status").asText()).isEqualTo("Succeeded");
        assertThat(isolation.get("machineId").asText()).isEqualTo(device.id);
        assertThat(isolation.get("creationDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:10Z");
        assertThat(isolation.get("lastUpdateDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:30Z");
        assertThat(isolation.get("lastUpdateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:30Z");
        assertThat(isolation.get("@odata.context").asText()).endsWith("/api/$metadata#MachineActions/$entity");
        assertThat(isolation.get("commands").isArray()).isTrue();
        assertThat(isolation.get("commands")).isEmpty();
        assertThat(isolation.get("errorHResult").asInt()).isZero();
        List<String> fields = new ArrayList<>();
        isolation.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("@odata.context", "id", "type", "scope", "title", "requestor",
                "requestorComment", "requestSource", "externalId", "status", "machineId", "computerDnsName",
                "creationDateTimeUtc", "lastUpdateDateTimeUtc", "lastUpdateTimeUtc", "cancellationRequestor",
                "cancellationComment", "cancellationDateTimeUtc", "errorHResult", "commands", "relatedFileInfo",
                "troubleshootInfo", "bulkActionId");
        assertThat(isolation.get("bulkActionId").isNull()).isTrue();
        assertThat(isolation.get("title").isNull()).isTrue();
        assertThat(isolation.get("relatedFileInfo").isNull()).isTrue();

        JsonNode unisolation = action(release);
        assertThat(unisolation.get("type").asText()).isEqualTo("Unisolate");
        assertThat(unisolation.get("scope").isNull()).isTrue();
        assertThat(unisolation.get("status").asText()).isEqualTo("Succeeded");
        assertThat(unisolation.get("lastUpdateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:50Z");

        JsonNode entries = timeline(device.id);
        assertThat(texts(entries, "eventType")).containsExactly("DeviceRegistered", "DeviceIsolationRequested",
                "MachineActionStarted", "DeviceIsolated", "DeviceReleaseRequested", "DeviceReleased");
        assertThat(texts(entries, "status")).containsExactly(null, "Pending", "InProgress", "Succeeded", "Pending",
                "Succeeded");
        assertThat(texts(entries, "sequence")).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(texts(entries, "requestor")).containsExactly(null, "analyst@corp.example",
                "analyst@corp.example", "analyst@corp.example", "lead@corp.example", "lead@corp.example");
        assertThat(entries.get(1).get("timestamp").asText()).isEqualTo("2024-01-01T00:00:10Z");

        JsonNode device1 = machine(device.id);
        assertThat(device1.get("isolationState").asText()).isEqualTo("NotIsolated");
        assertThat(device1.get("isolationScope").isNull()).isTrue();
        assertThat(device1.get("lastActionId").asText()).isEqualTo(release);
        assertThat(device1.get("lastActionType").asText()).isEqualTo("Unisolate");
        assertThat(device1.get("lastActionStatus").asText()).isEqualTo("Succeeded");
        assertThat(device1.get("firstSeen").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(device1.get("lastUpdate").asText()).isEqualTo("2024-01-01T00:00:50Z");
    }

    @Test
    void cancelledAndTimedOutActions_areProjected() {
        DeviceStream device = newDevice();
        String cancelled = newId("iso");
        String timedOut = newId("iso");
        device.send(TestEvents.registered(device.id, at(0)));
        device.send(TestEvents.isolationRequested(device.id, cancelled, IsolationType.Selective, at(10)));
        device.send(TestEvents.cancelled(device.id, cancelled, ActionType.Isolate, at(15)));
        device.send(TestEvents.isolationRequested(device.id, timedOut, IsolationType.Full, at(20)));
        device.send(TestEvents.started(device.id, timedOut, ActionType.Isolate, at(25)));
        device.send(TestEvents.timedOut(device.id, timedOut, ActionType.Isolate, at(259_220)));
        awaitTimelineSize(device.id, 6);

        JsonNode cancellation = action(cancelled);
        assertThat(cancellation.get("status").asText()).isEqualTo("Cancelled");
        assertThat(cancellation.get("cancellationRequestor").asText()).isEqualTo("soc-lead@corp.example");
        assertThat(cancellation.get("cancellationComment").asText()).isEqualTo("False positive");
        assertThat(cancellation.get("cancellationDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:15Z");
        assertThat(cancellation.get("lastUpdateDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:15Z");

        JsonNode timeout = action(timedOut);
        assertThat(timeout.get("status").asText()).isEqualTo("TimeOut");
        assertThat(timeout.get("lastUpdateDateTimeUtc").asText()).isEqualTo("2024-01-04T00:00:20Z");
        assertThat(timeout.get("cancellationRequestor").isNull()).isTrue();

        JsonNode entries = timeline(device.id);
        assertThat(texts(entries, "status")).containsExactly(null, "Pending", "Cancelled", "Pending", "InProgress",
                "TimeOut");
        assertThat(entries.get(2).get("requestor").asText()).isEqualTo("soc-lead@corp.example");
        assertThat(entries.get(2).get("comment").asText()).isEqualTo("False positive");
        assertThat(entries.get(5).get("requestor").asText()).isEqualTo("analyst@corp.example");
        assertThat(entries.get(5).get("comment").isNull()).isTrue();

        JsonNode machine = machine(device.id);
        assertThat(machine.get("isolationState").asText()).isEqualTo("NotIsolated");
        assertThat(machine.get("pendingActionId").isNull()).isTrue();
        assertThat(machine.get("lastActionStatus").asText()).isEqualTo("TimeOut");
    }

    @Test
    void duplicateAndReplayedRecords_changeNothing() {
        DeviceStream device = newDevice();
        String isolate = newId("iso");
        device.send(TestEvents.registered(device.id, at(0)));
        device.send(TestEvents.isolationRequested(device.id, isolate, IsolationType.Full, at(10)));
        device.resend(1);
        device.send(TestEvents.isolated(device.id, isolate, IsolationType.Full, at(30)));
        awaitTimelineSize(device.id, 3);
        JsonNode actionBefore = action(isolate);
        JsonNode timelineBefore = timeline(device.id);
        assertThat(actionBefore.get("status").asText()).isEqualTo("Succeeded");

        // The old request again, and a different event claiming an already used sequence number.
        device.resend(1);
        device.resend(0);
        produce(device.id, TestEvents.cloudEventJson(
                TestEvents.cancelled(device.id, isolate, ActionType.Isolate, at(40)), 2));
        // Same key, same partition: once this is projected, the replays before it have been handled.
        device.send(TestEvents.detailsUpdated(device.id, "sentinel", at(50)));
        awaitTimelineSize(device.id, 4);

        assertThat(action(isolate)).isEqualTo(actionBefore);
        JsonNode timelineAfter = timeline(device.id);
        for (int i = 0; i < 3; i++) {
            assertThat(timelineAfter.get(i)).isEqualTo(timelineBefore.get(i));
        }
        JsonNode machine = machine(device.id);
        assertThat(machine.get("isolationState").asText()).isEqualTo("Isolated");
        assertThat(machine.get("lastActionStatus").asText()).isEqualTo("Succeeded");
        assertThat(machine.get("computerDnsName").asText()).isEqualTo("sentinel");
        assertThat(jdbc.queryForObject("select count(*) from machine_action where machine_id = ?", Integer.class,
                device.id)).isEqualTo(1);
    }

    @Test
    void eventsOutOfOrder_olderEventDoesNotOverwriteNewerState() {
        DeviceStream device = newDevice();
        String isolate = newId("iso");
        String registered = TestEvents.cloudEventJson(TestEvents.registered(device.id, at(0)), 0);
        String requested = TestEvents.cloudEventJson(
                TestEvents.isolationRequested(device.id, isolate, IsolationType.Full, at(10)), 1);
        String started = TestEvents.cloudEventJson(
                TestEvents.started(device.id, isolate, ActionType.Isolate, at(20)), 2);
        String isolated = TestEvents.cloudEventJson(
                TestEvents.isolated(device.id, isolate, IsolationType.Full, at(30)), 3);
        // As after a partition change: the agent's InProgress report (2) arrives after its success (3).
        produce(device.id, registered);
        produce(device.id, requested);
        produce(device.id, isolated);
        produce(device.id, started);
        awaitTimelineSize(device.id, 4);

        JsonNode isolation = action(isolate);
        assertThat(isolation.get("status").asText()).isEqualTo("Succeeded");
        assertThat(isolation.get("lastUpdateDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:30Z");
        JsonNode machine = machine(device.id);
        assertThat(machine.get("isolationState").asText()).isEqualTo("Isolated");
        assertThat(machine.get("lastActionStatus").asText()).isEqualTo("Succeeded");
        assertThat(machine.get("lastUpdate").asText()).isEqualTo("2024-01-01T00:00:30Z");
        // The timeline still has every event, in the device's own order.
        assertThat(texts(timeline(device.id), "status")).containsExactly(null, "Pending", "InProgress", "Succeeded");
    }

    @Test
    void nulCharacterInEvent_isSkippedAndTheDeviceKeepsProjecting() throws Exception {
        DeviceStream device = newDevice();
        String isolate = newId("iso");
        ObjectNode registered = (ObjectNode) TestEvents.MAPPER.readTree(
                TestEvents.cloudEventJson(TestEvents.registered(device.id, at(0)), 0));
        ((ObjectNode) registered.get("data")).put("computerDnsName", "laptop\u0000-042");
        produce(device.id, registered.toString());
        produce(device.id, TestEvents.cloudEventJson(
                TestEvents.isolationRequested(device.id, isolate, IsolationType.Full, at(10)), 1));
        awaitTimelineSize(device.id, 1);

        assertThat(action(isolate).get("status").asText()).isEqualTo("Pending");
        assertThat(machine(device.id).get("computerDnsName").isNull()).isTrue();
    }

    /** Should U+0000 ever get past the parser, the database's rejection is one the error handler skips. */
    @Test
    void nulCharacterPastTheParser_failsAsADataError() {
        String device = newId("dev");
        RecordedEvent withNul = new RecordedEvent(newId("evt"), 0, new DeviceRegisteredEvent(device,
                "laptop\u0000-042", OsPlatform.Windows11, "22631", "23H2", null, RiskScore.None, ExposureLevel.None,
                at(0)));

        assertThatThrownBy(() -> projection.apply(withNul))
                .satisfies(failure -> assertThat(DataErrors.isDataError(failure)).as(failure.toString()).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry where device_id = ?", Integer.class,
                device)).isZero();
    }

    @Test
    void poisonAndUnknownRecords_areSkippedAndLaterRecordsStillProject() throws Exception {
        DeviceStream device = newDevice();
        String isolate = newId("iso");
        produce(device.id, "this is not JSON");
        produce(device.id, "{\"specversion\":\"1.0\",\"id\":\"x\"}");
        ObjectNode unknown = (ObjectNode) TestEvents.MAPPER.readTree(
                TestEvents.cloudEventJson(TestEvents.registered(device.id, at(0)), 0));
        unknown.put("type", "dev.cordon.device.DeviceQuarantined");
        produce(device.id, unknown.toString());
        ObjectNode badData = (ObjectNode) TestEvents.MAPPER.readTree(TestEvents.cloudEventJson(
                TestEvents.isolationRequested(device.id, isolate, IsolationType.Full, at(5)), 0));
        ((ObjectNode) badData.get("data")).put("isolationType", "Partial");
        produce(device.id, badData.toString());

        device.send(TestEvents.registered(device.id, at(0)));
        device.send(TestEvents.isolationRequested(device.id, isolate, IsolationType.Full, at(10)));
        awaitTimelineSize(device.id, 2);

        assertThat(action(isolate).get("status").asText()).isEqualTo("Pending");
        assertThat(machine(device.id).get("isolationState").asText()).isEqualTo("IsolationPending");
        assertThat(machine(device.id).get("pendingActionId").asText()).isEqualTo(isolate);
    }
}
