package dev.cordon.query.projection;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import dev.cordon.query.action.MachineActionView;
import dev.cordon.query.support.TestEvents;
import dev.cordon.query.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

class TimelineEntriesTest {

    static final String DEVICE = "dev-1";

    private static final MachineActionView PENDING = MachineActionFold.apply(null,
            TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)));

    @Test
    void registration_hasNoActionFields() {
        TimelineEntry entry = TimelineEntries.entryFor(TestEvents.registered(DEVICE, at(0)), 0, "e0", null);
        assertThat(entry).isEqualTo(new TimelineEntry(DEVICE, 0, "e0", "DeviceRegistered", at(0), null, null, null,
                null, null, null, null, null, null));
    }

    @Test
    void tagChange_namesTheTagAndWhoChangedIt() {
        TimelineEntry added = TimelineEntries.entryFor(
                new DeviceTagAddedEvent(DEVICE, "VIP", "analyst@corp.example", "PublicApi", at(2)), 2, "e2", null);
        assertThat(added).isEqualTo(new TimelineEntry(DEVICE, 2, "e2", "DeviceTagAdded", at(2), null, null, null,
                "analyst@corp.example", null, "VIP", null, null, null));
        TimelineEntry removed = TimelineEntries.entryFor(
                new DeviceTagRemovedEvent(DEVICE, "VIP", "soc", "PublicApi", at(3)), 3, "e3", null);
        assertThat(removed.eventType()).isEqualTo("DeviceTagRemoved");
        assertThat(removed.tag()).isEqualTo("VIP");
        assertThat(removed.requestor()).isEqualTo("soc");
    }

    @Test
    void groupChange_namesTheGroup_theOneBefore_whyAndWho() {
        TimelineEntry first = TimelineEntries.entryFor(
                TestEvents.groupChanged(DEVICE, 7, "Servers", null, at(1)), 1, "e1", null);
        assertThat(first).isEqualTo(new TimelineEntry(DEVICE, 1, "e1", "DeviceGroupChanged", at(1), null, null, null,
                "inventory@corp.example", null, null, "Servers", null, "Named in the registration"));
        TimelineEntry moved = TimelineEntries.entryFor(
                TestEvents.groupChanged(DEVICE, 9, "Workstations", "Servers", at(2)), 2, "e2", null);
        assertThat(moved.groupName()).isEqualTo("Workstations");
        assertThat(moved.previousGroupName()).isEqualTo("Servers");
        assertThat(moved.actionId()).isNull();
    }

    @Test
    void request_carriesRequestorAndComment() {
        TimelineEntry entry = TimelineEntries.entryFor(
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)), 1, "e1", PENDING);
        assertThat(entry).isEqualTo(new TimelineEntry(DEVICE, 1, "e1", "DeviceIsolationRequested", at(1), "iso",
                ActionType.Isolate, ActionStatus.Pending, "analyst@corp.example", "Suspicious beaconing", null, null,
                null, null));
    }

    @Test
    void agentReport_carriesOriginalRequestorWithoutComment() {
        var event = TestEvents.isolated(DEVICE, "iso", IsolationType.Full, at(5));
        TimelineEntry entry = TimelineEntries.entryFor(event, 2, "e2", MachineActionFold.apply(PENDING, event));
        assertThat(entry.eventType()).isEqualTo("DeviceIsolated");
        assertThat(entry.status()).isEqualTo(ActionStatus.Succeeded);
        assertThat(entry.actionType()).isEqualTo(ActionType.Isolate);
        assertThat(entry.requestor()).isEqualTo("analyst@corp.example");
        assertThat(entry.comment()).isNull();
        assertThat(entry.timestamp()).isEqualTo(at(5));
    }

    @Test
    void cancellation_carriesCancellationRequestorAndComment() {
        var event = TestEvents.cancelled(DEVICE, "iso", ActionType.Isolate, at(3));
        TimelineEntry entry = TimelineEntries.entryFor(event, 2, "e2", MachineActionFold.apply(PENDING, event));
        assertThat(entry.eventType()).isEqualTo("MachineActionCancelled");
        assertThat(entry.status()).isEqualTo(ActionStatus.Cancelled);
        assertThat(entry.requestor()).isEqualTo("soc-lead@corp.example");
        assertThat(entry.comment()).isEqualTo("False positive");
    }

    @Test
    void timeout_carriesOriginalRequestor() {
        var event = TestEvents.timedOut(DEVICE, "iso", ActionType.Isolate, at(9));
        TimelineEntry entry = TimelineEntries.entryFor(event, 2, "e2", MachineActionFold.apply(PENDING, event));
        assertThat(entry.eventType()).isEqualTo("MachineActionTimedOut");
        assertThat(entry.status()).isEqualTo(ActionStatus.TimeOut);
        assertThat(entry.requestor()).isEqualTo("analyst@corp.example");
        assertThat(entry.comment()).isNull();
    }

    @Test
    void report_whenActionUnknown_stillHasTypeAndStatus() {
        TimelineEntry entry = TimelineEntries.entryFor(TestEvents.releaseFailed(DEVICE, "rel", 5, at(4)), 7, "e7",
                null);
        assertThat(entry.actionType()).isEqualTo(ActionType.Unisolate);
        assertThat(entry.status()).isEqualTo(ActionStatus.Failed);
        assertThat(entry.requestor()).isNull();
    }
}
