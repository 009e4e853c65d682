package dev.cordon.query.changes;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.security.DeviceScope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void actionEvent_namesDeviceActionAndTheTimelinesEventType() {
        Change change = Change.of(TestEvents.isolated("dev-1", "a-1", IsolationType.Full, at(0)));

        assertThat(change).isEqualTo(new Change("dev-1", "a-1", "DeviceIsolated"));
        assertThat(change.toJson()).isEqualTo("{\"machineId\":\"dev-1\",\"actionId\":\"a-1\","
                + "\"eventType\":\"DeviceIsolated\"}");
        assertThat(Change.of(TestEvents.timedOut("dev-1", "a-2", ActionType.Unisolate, at(0))).eventType())
                .isEqualTo("MachineActionTimedOut");
    }

    @Test
    void deviceEvent_hasANullActionId_writtenAsNull() {
        assertThat(Change.of(TestEvents.registered("dev-1", at(0))).toJson())
                .isEqualTo("{\"machineId\":\"dev-1\",\"actionId\":null,\"eventType\":\"DeviceRegistered\"}");
    }

    /** Quotes and non-ASCII in an id stay valid JSON on one line: one data field, far below NOTIFY's 8000 bytes. */
    @Test
    void json_isEscapedOneLine_andSmall() {
        String id = "d\"ev\n-\u00e9-" + "x".repeat(200);
        String json = new Change(id, id, "DeviceIsolated").toJson();

        assertThat(json).doesNotContain("\n").contains("\\\"ev\\n");
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
        assertThat(SseFrames.change(json)).isEqualTo("event: change\ndata: " + json + "\n\n");
    }

    /** Between instances the device groups travel too; subscribers never see them. */
    @Test
    void notification_carriesTheDeviceGroups_theStreamDoesNot() {
        Change change = Change.of(TestEvents.groupChanged("dev-1", 2, "Servers", "Workstations", at(0)),
                List.of("Servers", "Workstations"));

        assertThat(change.toJson()).isEqualTo("{\"machineId\":\"dev-1\",\"actionId\":null,"
                + "\"eventType\":\"DeviceGroupChanged\"}");
        assertThat(Change.fromNotification(change.toNotification())).isEqualTo(change);
        assertThat(Change.fromNotification(change.toJson()).deviceGroups()).as("from an older instance").isEmpty();
    }

    @Test
    void visibleTo_theScopesCoveringOneOfItsGroups_ignoringCase_andWithoutAGroupOnlyToEveryGroup() {
        Change server = new Change("d", null, "DeviceRegistered", List.of("Servers"));
        assertThat(server.visibleTo(DeviceScope.only(List.of("SERVERS")))).isTrue();
        assertThat(server.visibleTo(DeviceScope.only(List.of("Workstations")))).isFalse();
        assertThat(server.visibleTo(DeviceScope.ALL)).isTrue();
        Change ungrouped = new Change("d", null, "DeviceRegistered");
        assertThat(ungrouped.visibleTo(DeviceScope.only(List.of("Servers")))).isFalse();
        assertThat(ungrouped.visibleTo(DeviceScope.ALL)).isTrue();
    }
}
