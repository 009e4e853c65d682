package dev.cordon.query.projection;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.IsolationState;
import dev.cordon.query.action.MachineActionRepository;
import dev.cordon.query.action.MachineActionView;
import dev.cordon.query.machine.MachineRepository;
import dev.cordon.query.machine.MachineView;
import dev.cordon.query.projection.DeviceEventProjection.Outcome;
import dev.cordon.query.support.TestEvents;
import dev.cordon.query.timeline.TimelineEntry;
import dev.cordon.query.timeline.TimelineRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DeviceEventProjectionTest {

    private final TimelineRepository timeline = mock(TimelineRepository.class);
    private final MachineActionRepository actions = mock(MachineActionRepository.class);
    private final MachineRepository machines = mock(MachineRepository.class);
    private final DeviceEventProjection projection = new DeviceEventProjection(timeline, actions, machines);

    private final RecordedEvent request = new RecordedEvent("e1", 1,
            TestEvents.isolationRequested("dev-1", "act-1", IsolationType.Full, at(1)));

    @Test
    void apply_whenNewEvent_updatesAllThreeReadModelsWithItsSequence() {
        when(timeline.insertIfAbsent(any())).thenReturn(true);
        when(actions.findById("act-1")).thenReturn(Optional.empty());
        when(machines.findById("dev-1")).thenReturn(Optional.empty());
        when(actions.save(any(), anyLong())).thenReturn(true);
        when(machines.save(any(), anyLong())).thenReturn(true);

        assertThat(projection.apply(request)).isEqualTo(Outcome.APPLIED);

        ArgumentCaptor<TimelineEntry> entry = ArgumentCaptor.forClass(TimelineEntry.class);
        verify(timeline).insertIfAbsent(entry.capture());
        assertThat(entry.getValue().sequence()).isEqualTo(1);
        ArgumentCaptor<MachineActionView> action = ArgumentCaptor.forClass(MachineActionView.class);
        verify(actions).save(action.capture(), eq(1L));
        assertThat(action.getValue().status()).isEqualTo(ActionStatus.Pending);
        ArgumentCaptor<MachineView> machine = ArgumentCaptor.forClass(MachineView.class);
        verify(machines).save(machine.capture(), eq(1L));
        assertThat(machine.getValue().isolationState()).isEqualTo(IsolationState.IsolationPending);
    }

    /** The repositories refuse a fold older than what they hold; the timeline still records the event. */
    @Test
    void apply_whenViewsHoldALaterEvent_isStillAppliedToTheTimeline() {
        when(timeline.insertIfAbsent(any())).thenReturn(true);
        when(actions.findById("act-1")).thenReturn(Optional.empty());
        when(machines.findById("dev-1")).thenReturn(Optional.empty());
        when(actions.save(any(), anyLong())).thenReturn(false);
        when(machines.save(any(), anyLong())).thenReturn(false);

        assertThat(projection.apply(request)).isEqualTo(Outcome.APPLIED);

        verify(timeline).insertIfAbsent(any());
        verify(actions).save(any(), eq(1L));
        verify(machines).save(any(), eq(1L));
    }

    @Test
    void apply_whenSameEventAgain_isDuplicateAndChangesNothing() {
        when(timeline.insertIfAbsent(any())).thenReturn(false);
        when(timeline.eventIdAt("dev-1", 1)).thenReturn(Optional.of("e1"));
        when(actions.findById("act-1")).thenReturn(Optional.empty());

        assertThat(projection.apply(request)).isEqualTo(Outcome.DUPLICATE);

        verify(actions, never()).save(any(), anyLong());
        verify(machines, never()).save(any(), anyLong());
    }

    @Test
    void apply_whenSequenceHeldByAnotherEvent_isDivergedAndChangesNothing() {
        when(timeline.insertIfAbsent(any())).thenReturn(false);
        when(timeline.eventIdAt("dev-1", 1)).thenReturn(Optional.of("some-other-event"));
        when(actions.findById("act-1")).thenReturn(Optional.empty());

        assertThat(projection.apply(request)).isEqualTo(Outcome.DIVERGED);

        verify(actions, never()).save(any(), anyLong());
        verify(machines, never()).save(any(), anyLong());
    }

    @Test
    void apply_whenReportForUnknownAction_updatesTimelineAndDeviceOnly() {
        when(timeline.insertIfAbsent(any())).thenReturn(true);
        when(actions.findById("act-9")).thenReturn(Optional.empty());
        when(machines.findById("dev-1")).thenReturn(Optional.empty());
        when(machines.save(any(), anyLong())).thenReturn(true);

        projection.apply(new RecordedEvent("e5", 5, TestEvents.isolated("dev-1", "act-9", IsolationType.Full, at(5))));

        verify(actions, never()).save(any(), anyLong());
        verify(machines).save(any(), eq(5L));
    }
}
