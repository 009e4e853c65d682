package dev.cordon.command.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.transition.TransitionHistories;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.mockito.ArgumentCaptor;

/**
 * The action index records the type and status the shared transitions say after the last event of each history (see
 * DeviceFollowsTheTransitionsTest).
 */
class ActionIndexProjectionFollowsTheTransitionsTest {

    static final List<?> HISTORIES = TransitionHistories.all();

    @ParameterizedTest
    @FieldSource("HISTORIES")
    void index_recordsWhatTheTransitionsSay(List<DeviceEvent> history) {
        if (!(TransitionHistories.last(history) instanceof MachineActionEvent last)) {
            return; // the device's own events leave the action index alone
        }
        ActionIndex index = mock(ActionIndex.class);
        ActionIndexProjection projection = new ActionIndexProjection(index);
        // As Axon dispatches: the handler of the event's own class, else the one of all action events.
        if (last instanceof DeviceIsolationRequestedEvent e) {
            projection.on(e);
        } else if (last instanceof DeviceReleaseRequestedEvent e) {
            projection.on(e);
        } else if (last instanceof MachineActionCancelledEvent e) {
            projection.on(e);
        } else {
            projection.on(last);
        }

        TransitionHistories.Expected expected = TransitionHistories.expected(history);
        if (last instanceof DeviceIsolationRequestedEvent || last instanceof DeviceReleaseRequestedEvent) {
            ArgumentCaptor<ActionRecord> inserted = ArgumentCaptor.forClass(ActionRecord.class);
            verify(index).insert(inserted.capture(), any());
            assertThat(inserted.getValue().type()).isEqualTo(expected.actionType());
            assertThat(inserted.getValue().status()).isEqualTo(expected.status());
        } else if (last instanceof MachineActionCancelledEvent) {
            verify(index).cancel(eq(last.actionId()), eq(expected.status()), any(), any(), any());
        } else {
            ArgumentCaptor<ActionStatus> status = ArgumentCaptor.forClass(ActionStatus.class);
            verify(index).updateStatus(eq(last.actionId()), status.capture(), any(), anyInt());
            assertThat(status.getValue()).isEqualTo(expected.status());
        }
    }
}
