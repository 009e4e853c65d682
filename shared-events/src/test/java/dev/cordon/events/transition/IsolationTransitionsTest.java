package dev.cordon.events.transition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolatedEvent;
import dev.cordon.events.action.DeviceReleaseFailedEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.action.MachineActionTimedOutEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.kafka.EventCatalog;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IsolationTransitionsTest {

    private static final Instant T = Instant.parse("2026-03-02T09:15:00Z");

    @Test
    void everyPublishedEvent_hasATransition() {
        assertThat(EventCatalog.deviceEntries()).allSatisfy(entry ->
                assertThat(IsolationTransitions.covers(entry.eventClass())).as(entry.name()).isTrue());
    }

    @Test
    void cancelAndTimeout_leaveTheDeviceAsBeforeTheAction() {
        assertThat(IsolationTransitions.stateAfter(IsolationState.IsolationPending,
                new MachineActionCancelledEvent("d", "a", ActionType.Isolate, "soc", "wrong one", "PublicApi", T)))
                .isEqualTo(IsolationState.NotIsolated);
        assertThat(IsolationTransitions.stateAfter(IsolationState.ReleasePending,
                new MachineActionTimedOutEvent("d", "a", ActionType.Unisolate, T))).isEqualTo(IsolationState.Isolated);
    }

    @Test
    void scope_isTheIsolatedType_keptThroughARefusedRelease_goneWithTheIsolation() {
        assertThat(IsolationTransitions.scopeAfter(null, new DeviceIsolatedEvent("d", "a", IsolationType.Selective, T)))
                .isEqualTo(IsolationType.Selective);
        assertThat(IsolationTransitions.scopeAfter(IsolationType.Selective,
                new DeviceReleaseFailedEvent("d", "a", 5, T))).isEqualTo(IsolationType.Selective);
        assertThat(IsolationTransitions.scopeAfter(IsolationType.Selective,
                new MachineActionTimedOutEvent("d", "a", ActionType.Isolate, T))).isNull();
    }

    @Test
    void detailsUpdated_changesNoIsolation_andIsNoAction() {
        DeviceDetailsUpdatedEvent updated = new DeviceDetailsUpdatedEvent("d", "host", null, "1", "2", null,
                RiskScore.High, ExposureLevel.Medium, T);
        assertThat(IsolationTransitions.stateAfter(IsolationState.Isolated, updated)).isEqualTo(IsolationState.Isolated);
        assertThat(IsolationTransitions.isOpen(ActionStatus.InProgress)).isTrue();
        assertThat(IsolationTransitions.isOpen(ActionStatus.TimeOut)).isFalse();
    }
}
