package dev.cordon.query.projection;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.query.machine.MachineView;
import dev.cordon.query.support.TestEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceFoldTest {

    static final String DEVICE = "dev-1";

    private static MachineView fold(DeviceEvent... events) {
        MachineView view = null;
        for (DeviceEvent event : events) {
            view = DeviceFold.apply(view, event);
        }
        return view;
    }

    private static MachineView isolated(IsolationType scope) {
        return fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", scope, at(1)),
                TestEvents.isolated(DEVICE, "iso", scope, at(2)));
    }

    @Test
    void registered_isNotIsolated() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)));
        assertThat(view).isEqualTo(new MachineView(DEVICE, DEVICE + ".corp.example", OsPlatform.Windows11, "22631",
                "23H2", "aad-" + DEVICE, RiskScore.None, ExposureLevel.None, at(0), IsolationState.NotIsolated, null,
                null, null, null, null, at(0), List.of(), null, null));
    }

    @Test
    void groupChanged_putsTheDeviceInTheGroup_andKeepsTheRest() {
        MachineView registered = fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)));
        MachineView grouped = DeviceFold.apply(registered, TestEvents.groupChanged(DEVICE, 7, "Servers", null, at(2)));
        assertThat(grouped).isEqualTo(new MachineView(DEVICE, registered.computerDnsName(), registered.osPlatform(),
                registered.osBuild(), registered.version(), registered.aadDeviceId(), registered.riskScore(),
                registered.exposureLevel(), registered.firstSeen(), IsolationState.IsolationPending, null, "iso",
                "iso", ActionType.Isolate, ActionStatus.Pending, at(2), List.of(), 7, "Servers"));

        MachineView moved = DeviceFold.apply(grouped,
                TestEvents.groupChanged(DEVICE, 9, "Workstations", "Servers", at(3)));
        assertThat(moved.rbacGroupId()).isEqualTo(9);
        assertThat(moved.rbacGroupName()).isEqualTo("Workstations");
        assertThat(moved.lastUpdate()).isEqualTo(at(3));
        assertThat(DeviceFold.apply(moved, TestEvents.detailsUpdated(DEVICE, "renamed", at(4))).rbacGroupName())
                .as("details keep the group").isEqualTo("Workstations");
    }

    @Test
    void registered_beforeGroupsExisted_hasNoGroup() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)), TestEvents.tagAdded(DEVICE, "VIP", at(1)));
        assertThat(view.rbacGroupId()).isNull();
        assertThat(view.rbacGroupName()).isNull();
    }

    @Test
    void tags_addedAndRemoved_inTheOrderAdded_andKeepTheIsolation() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)),
                new DeviceTagAddedEvent(DEVICE, "VIP", "soc", "PublicApi", at(2)),
                new DeviceTagAddedEvent(DEVICE, "Finance", "soc", "PublicApi", at(3)),
                new DeviceTagAddedEvent(DEVICE, "Berlin", "soc", "PublicApi", at(4)),
                new DeviceTagRemovedEvent(DEVICE, "Finance", "soc", "PublicApi", at(5)));
        assertThat(view.machineTags()).containsExactly("VIP", "Berlin");
        assertThat(view.isolationState()).isEqualTo(IsolationState.IsolationPending);
        assertThat(view.pendingActionId()).isEqualTo("iso");
        assertThat(view.lastUpdate()).isEqualTo(at(5));

    }

    @Test
    void detailsUpdated_changesDetailsAndKeepsFirstSeen() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.detailsUpdated(DEVICE, "renamed", at(10)));
        assertThat(view.computerDnsName()).isEqualTo("renamed");
        assertThat(view.osPlatform()).isEqualTo(OsPlatform.Windows10);
        assertThat(view.firstSeen()).isEqualTo(at(0));
        assertThat(view.lastUpdate()).isEqualTo(at(10));
    }

    @Test
    void registered_takesTheInventorysRiskScoreAndExposureLevel_andDetailsUpdatedChangesThem() {
        MachineView registered = fold(TestEvents.registered(DEVICE, RiskScore.High, ExposureLevel.Medium, at(0)));
        assertThat(registered.riskScore()).isEqualTo(RiskScore.High);
        assertThat(registered.exposureLevel()).isEqualTo(ExposureLevel.Medium);

        MachineView updated = DeviceFold.apply(registered,
                TestEvents.detailsUpdated(DEVICE, "renamed", RiskScore.Low, ExposureLevel.None, at(10)));
        assertThat(updated.riskScore()).isEqualTo(RiskScore.Low);
        assertThat(updated.exposureLevel()).isEqualTo(ExposureLevel.None);
        assertThat(DeviceFold.apply(updated, TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full,
                at(11))).riskScore()).as("an action keeps them").isEqualTo(RiskScore.Low);
    }

    @Test
    void unknownDevice_readsDefendersNoDataValue() {
        MachineView view = fold(TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)));
        assertThat(view.riskScore()).isEqualTo(RiskScore.None);
        assertThat(view.exposureLevel()).isEqualTo(ExposureLevel.None);
    }

    @Test
    void isolationRequested_isIsolationPending() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.IsolationPending);
        assertThat(view.pendingActionId()).isEqualTo("iso");
        assertThat(view.lastActionId()).isEqualTo("iso");
        assertThat(view.lastActionType()).isEqualTo(ActionType.Isolate);
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.Pending);
        assertThat(view.lastUpdate()).isEqualTo(at(1));
    }

    @Test
    void started_keepsStateAndPendingAction() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)),
                TestEvents.started(DEVICE, "iso", ActionType.Isolate, at(2)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.IsolationPending);
        assertThat(view.pendingActionId()).isEqualTo("iso");
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.InProgress);
    }

    @Test
    void isolated_isIsolatedWithScopeAndNoPendingAction() {
        MachineView view = isolated(IsolationType.Selective);
        assertThat(view.isolationState()).isEqualTo(IsolationState.Isolated);
        assertThat(view.isolationScope()).isEqualTo(IsolationType.Selective);
        assertThat(view.pendingActionId()).isNull();
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.Succeeded);
        assertThat(view.lastUpdate()).isEqualTo(at(2));
    }

    @Test
    void isolationFailed_isNotIsolated() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)),
                TestEvents.isolationFailed(DEVICE, "iso", 5, at(2)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.NotIsolated);
        assertThat(view.isolationScope()).isNull();
        assertThat(view.pendingActionId()).isNull();
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.Failed);
    }

    @Test
    void releaseRequested_isReleasePendingAndKeepsScope() {
        MachineView view = DeviceFold.apply(isolated(IsolationType.Full),
                TestEvents.releaseRequested(DEVICE, "rel", at(3)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.ReleasePending);
        assertThat(view.isolationScope()).isEqualTo(IsolationType.Full);
        assertThat(view.pendingActionId()).isEqualTo("rel");
        assertThat(view.lastActionType()).isEqualTo(ActionType.Unisolate);
    }

    @Test
    void released_isNotIsolatedWithoutScope() {
        MachineView view = DeviceFold.apply(DeviceFold.apply(isolated(IsolationType.Full),
                TestEvents.releaseRequested(DEVICE, "rel", at(3))), TestEvents.released(DEVICE, "rel", at(4)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.NotIsolated);
        assertThat(view.isolationScope()).isNull();
        assertThat(view.pendingActionId()).isNull();
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.Succeeded);
        assertThat(view.lastUpdate()).isEqualTo(at(4));
    }

    @Test
    void releaseFailed_staysIsolatedWithScope() {
        MachineView view = DeviceFold.apply(DeviceFold.apply(isolated(IsolationType.Selective),
                TestEvents.releaseRequested(DEVICE, "rel", at(3))), TestEvents.releaseFailed(DEVICE, "rel", 5, at(4)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.Isolated);
        assertThat(view.isolationScope()).isEqualTo(IsolationType.Selective);
        assertThat(view.pendingActionId()).isNull();
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.Failed);
    }

    @Test
    void isolateCancelled_isNotIsolatedAgain() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)),
                TestEvents.cancelled(DEVICE, "iso", ActionType.Isolate, at(2)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.NotIsolated);
        assertThat(view.isolationScope()).isNull();
        assertThat(view.pendingActionId()).isNull();
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.Cancelled);
        assertThat(view.lastUpdate()).isEqualTo(at(2));
    }

    @Test
    void unisolateCancelled_isIsolatedAgainWithScope() {
        MachineView view = DeviceFold.apply(DeviceFold.apply(isolated(IsolationType.Selective),
                TestEvents.releaseRequested(DEVICE, "rel", at(3))),
                TestEvents.cancelled(DEVICE, "rel", ActionType.Unisolate, at(4)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.Isolated);
        assertThat(view.isolationScope()).isEqualTo(IsolationType.Selective);
        assertThat(view.pendingActionId()).isNull();
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.Cancelled);
    }

    @Test
    void isolateTimedOut_isNotIsolatedAgain() {
        MachineView view = fold(TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)),
                TestEvents.started(DEVICE, "iso", ActionType.Isolate, at(2)),
                TestEvents.timedOut(DEVICE, "iso", ActionType.Isolate, at(3)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.NotIsolated);
        assertThat(view.pendingActionId()).isNull();
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.TimeOut);
    }

    @Test
    void unisolateTimedOut_isIsolatedAgainWithScope() {
        MachineView view = DeviceFold.apply(DeviceFold.apply(isolated(IsolationType.Full),
                TestEvents.releaseRequested(DEVICE, "rel", at(3))),
                TestEvents.timedOut(DEVICE, "rel", ActionType.Unisolate, at(4)));
        assertThat(view.isolationState()).isEqualTo(IsolationState.Isolated);
        assertThat(view.isolationScope()).isEqualTo(IsolationType.Full);
        assertThat(view.lastActionStatus()).isEqualTo(ActionStatus.TimeOut);
    }

    @Test
    void actionEvent_whenDeviceNeverRegistered_startsFromAnUnknownDevice() {
        MachineView view = fold(TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)));
        assertThat(view.id()).isEqualTo(DEVICE);
        assertThat(view.computerDnsName()).isNull();
        assertThat(view.isolationState()).isEqualTo(IsolationState.IsolationPending);
    }

    @Test
    void fold_whenSameHistoryFoldedTwice_isIdentical() {
        DeviceEvent[] history = {TestEvents.registered(DEVICE, at(0)),
                TestEvents.isolationRequested(DEVICE, "iso", IsolationType.Full, at(1)),
                TestEvents.isolated(DEVICE, "iso", IsolationType.Full, at(2))};
        assertThat(fold(history)).isEqualTo(fold(history));
    }
}
