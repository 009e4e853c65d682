package dev.cordon.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolatedEvent;
import dev.cordon.events.action.DeviceIsolationFailedEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseFailedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.DeviceReleasedEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.action.MachineActionStartedEvent;
import dev.cordon.events.action.MachineActionTimedOutEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The isolation transitions the state at an instant is folded with, one test per event kind. */
class DeviceStateFoldTest {

    private static final String DEVICE = "b9f1a3c7d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2";
    private static final String ISOLATE = "6b001073-0f3a-4a5e-9d52-6f3b7a1c2d11";
    private static final String RELEASE = "0a5f3a54-8f1e-4c3c-b0e6-2b7f5d9c8e21";
    private static final List<String> APPS = List.of("Outlook", "Microsoft Teams", "Skype for Business");

    private static Instant t(int minute) {
        return Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60L * minute);
    }

    private static DeviceState fold(DeviceEvent... events) {
        DeviceState state = null;
        for (DeviceEvent event : events) {
            state = DeviceStateFold.apply(state, event);
        }
        return state;
    }

    private static DeviceRegisteredEvent registered() {
        return new DeviceRegisteredEvent(DEVICE, "laptop-042", OsPlatform.Windows11, "22631", "23H2", null,
                RiskScore.None, ExposureLevel.None, t(0));
    }

    private static DeviceIsolationRequestedEvent isolationRequested(IsolationType type) {
        return new DeviceIsolationRequestedEvent(DEVICE, ISOLATE, type,
                type == IsolationType.Selective ? APPS : List.of(), "laptop-042", "analyst@corp.example",
                "Beaconing", "PublicApi", "INC-1", t(1));
    }

    private static DeviceReleaseRequestedEvent releaseRequested() {
        return new DeviceReleaseRequestedEvent(DEVICE, RELEASE, "laptop-042", "lead@corp.example", "Clean",
                "PublicApi", null, t(5));
    }

    private static DeviceIsolatedEvent isolated(IsolationType type) {
        return new DeviceIsolatedEvent(DEVICE, ISOLATE, type, t(3));
    }

    @Test
    void apply_whenRegisteredOrUpdated_isNotIsolatedWithoutAction() {
        DeviceState state = fold(registered(), new DeviceDetailsUpdatedEvent(DEVICE, "laptop-042",
                OsPlatform.Windows11, "26100", "24H2", null, RiskScore.High, ExposureLevel.Medium, t(1)));

        assertThat(state).isEqualTo(new DeviceState(IsolationState.NotIsolated, null, null, null));
    }

    @Test
    void apply_whenIsolationRequested_isPendingWithTheRequestAsOpenAction() {
        DeviceState state = fold(registered(), isolationRequested(IsolationType.Selective));

        assertThat(state.state()).isEqualTo(IsolationState.IsolationPending);
        assertThat(state.scope()).as("nothing is isolated yet").isNull();
        assertThat(state.openAction()).isEqualTo(new OpenActionState(ISOLATE, ActionType.Isolate,
                IsolationType.Selective, APPS, ActionStatus.Pending, "analyst@corp.example", "Beaconing",
                "PublicApi", "INC-1", t(1), t(1)));
    }

    @Test
    void apply_whenStarted_isInProgressSinceTheReport() {
        DeviceState state = fold(registered(), isolationRequested(IsolationType.Full),
                new MachineActionStartedEvent(DEVICE, ISOLATE, ActionType.Isolate, t(2)));

        assertThat(state.state()).isEqualTo(IsolationState.IsolationPending);
        assertThat(state.openAction().status()).isEqualTo(ActionStatus.InProgress);
        assertThat(state.openAction().requestedAt()).isEqualTo(t(1));
        assertThat(state.openAction().lastUpdate()).isEqualTo(t(2));
    }

    @Test
    void apply_whenIsolated_isIsolatedWithTheRequestedScopeAndApplications() {
        DeviceState state = fold(registered(), isolationRequested(IsolationType.Selective),
                isolated(IsolationType.Selective));

        assertThat(state).isEqualTo(new DeviceState(IsolationState.Isolated, IsolationType.Selective, APPS, null));
    }

    @Test
    void apply_whenIsolationFailed_isNotIsolated() {
        DeviceState state = fold(registered(), isolationRequested(IsolationType.Full),
                new DeviceIsolationFailedEvent(DEVICE, ISOLATE, -2147024891, t(3)));

        assertThat(state).isEqualTo(DeviceState.REGISTERED);
    }

    @Test
    void apply_whenReleaseRequested_isReleasePendingAndStillIsolatedAsBefore() {
        DeviceState state = fold(registered(), isolationRequested(IsolationType.Selective),
                isolated(IsolationType.Selective), releaseRequested());

        assertThat(state.state()).isEqualTo(IsolationState.ReleasePending);
        assertThat(state.scope()).isEqualTo(IsolationType.Selective);
        assertThat(state.keptConnectedApplications()).isEqualTo(APPS);
        assertThat(state.openAction().type()).isEqualTo(ActionType.Unisolate);
        assertThat(state.openAction().scope()).isNull();
        assertThat(state.openAction().requestor()).isEqualTo("lead@corp.example");
    }

    @Test
    void apply_whenReleased_isNotIsolated() {
        DeviceState state = fold(registered(), isolationRequested(IsolationType.Full), isolated(IsolationType.Full),
                releaseRequested(), new DeviceReleasedEvent(DEVICE, RELEASE, t(6)));

        assertThat(state).isEqualTo(DeviceState.REGISTERED);
    }

    @Test
    void apply_whenReleaseFailed_isIsolatedAsBefore() {
        DeviceState state = fold(registered(), isolationRequested(IsolationType.Full), isolated(IsolationType.Full),
                releaseRequested(), new DeviceReleaseFailedEvent(DEVICE, RELEASE, -1, t(6)));

        assertThat(state).isEqualTo(new DeviceState(IsolationState.Isolated, IsolationType.Full, List.of(), null));
    }

    @Test
    void apply_whenIsolationCancelledOrTimedOut_isNotIsolated() {
        assertThat(fold(registered(), isolationRequested(IsolationType.Full),
                new MachineActionCancelledEvent(DEVICE, ISOLATE, ActionType.Isolate, "a", "b", "PublicApi", t(2))))
                .isEqualTo(DeviceState.REGISTERED);
        assertThat(fold(registered(), isolationRequested(IsolationType.Full),
                new MachineActionTimedOutEvent(DEVICE, ISOLATE, ActionType.Isolate, t(2))))
                .isEqualTo(DeviceState.REGISTERED);
    }

    @Test
    void apply_whenReleaseCancelledOrTimedOut_isIsolatedAsBefore() {
        DeviceState isolatedSelective = new DeviceState(IsolationState.Isolated, IsolationType.Selective, APPS, null);

        assertThat(fold(registered(), isolationRequested(IsolationType.Selective), isolated(IsolationType.Selective),
                releaseRequested(), new MachineActionCancelledEvent(DEVICE, RELEASE, ActionType.Unisolate, "a", "b",
                        "PublicApi", t(6)))).isEqualTo(isolatedSelective);
        assertThat(fold(registered(), isolationRequested(IsolationType.Selective), isolated(IsolationType.Selective),
                releaseRequested(), new MachineActionTimedOutEvent(DEVICE, RELEASE, ActionType.Unisolate, t(6))))
                .isEqualTo(isolatedSelective);
    }
}
