package dev.cordon.query.consumer;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.query.action.MachineActionFold;
import dev.cordon.query.action.MachineActionRepository;
import dev.cordon.query.action.MachineActionView;
import dev.cordon.query.machine.DeviceFold;
import dev.cordon.query.machine.MachineRepository;
import dev.cordon.query.timeline.TimelineEntries;
import dev.cordon.query.timeline.TimelineRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one event to all three read models in one transaction. The timeline row is written first and keyed by
 * (device, sequence): if it is already there, the record is a duplicate or a replay and nothing else changes.
 */
@Component
public class DeviceEventProjection {

    private static final Logger log = LoggerFactory.getLogger(DeviceEventProjection.class);

    private final TimelineRepository timeline;
    private final MachineActionRepository actions;
    private final MachineRepository machines;

    public DeviceEventProjection(TimelineRepository timeline, MachineActionRepository actions,
                                 MachineRepository machines) {
        this.timeline = timeline;
        this.actions = actions;
        this.machines = machines;
    }

    /** @return false if the event had been applied before */
    @Transactional
    public boolean apply(RecordedEvent recorded) {
        DeviceEvent event = recorded.event();
        MachineActionView action = null;
        if (event instanceof MachineActionEvent actionEvent) {
            action = MachineActionFold.apply(actions.findById(actionEvent.actionId()).orElse(null), actionEvent);
            if (action == null) {
                log.warn("{} for action {} whose request was never seen; only the timeline and device change",
                        TimelineEntries.eventType(event), actionEvent.actionId());
            }
        }
        if (!timeline.insertIfAbsent(TimelineEntries.entryFor(event, recorded.sequence(), recorded.eventId(),
                action))) {
            return false;
        }
        if (action != null) {
            actions.save(action);
        }
        machines.save(DeviceFold.apply(machines.findById(event.deviceId()).orElse(null), event));
        return true;
    }
}
