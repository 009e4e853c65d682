package dev.cordon.query.projection;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.query.action.MachineActionRepository;
import dev.cordon.query.action.MachineActionView;
import dev.cordon.query.changes.Change;
import dev.cordon.query.changes.ChangeNotifier;
import dev.cordon.query.jdbc.ReadModelTables;
import dev.cordon.query.jdbc.SqlDialect;
import dev.cordon.query.machine.MachineRepository;
import dev.cordon.query.machine.MachineView;
import dev.cordon.query.timeline.TimelineRepository;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one event to all three read models in one transaction. The timeline row is written first and keyed by
 * (device, sequence): if it is already there, the record is a duplicate or a replay and nothing else changes.
 * The action and device views keep the sequence of the last event folded into them and take only a later one,
 * so an event that arrives out of order is recorded in the timeline but cannot turn a view back. Every applied
 * event is announced to the change feed, which passes it on once the transaction committed.
 */
@Component
public class DeviceEventProjection {

    /** What became of a record. */
    public enum Outcome {
        APPLIED,
        /** The same event was applied before (a redelivery or a replay). */
        DUPLICATE,
        /** A different event was applied at the same (device, sequence): the histories diverged. */
        DIVERGED,
        /**
         * A known event that no device read model keeps (a bulk action's own): nothing to write. Said by the
         * listener, never by {@link #apply}; neither an unknown type nor poison.
         */
        NOT_A_DEVICE_EVENT
    }

    private static final Logger log = LoggerFactory.getLogger(DeviceEventProjection.class);

    private final TimelineRepository timeline;
    private final MachineActionRepository actions;
    private final MachineRepository machines;
    private final ChangeNotifier changes;

    @Autowired
    public DeviceEventProjection(TimelineRepository timeline, MachineActionRepository actions,
                                 MachineRepository machines, ChangeNotifier changes) {
        this.timeline = timeline;
        this.actions = actions;
        this.machines = machines;
        this.changes = changes;
    }

    /** Announcing nothing. */
    public DeviceEventProjection(TimelineRepository timeline, MachineActionRepository actions,
                                 MachineRepository machines) {
        this(timeline, actions, machines, ChangeNotifier.NONE);
    }

    /**
     * The same projection onto another table set (a rebuild's shadow tables). Not a Spring bean, so
     * {@link #apply} is not transactional on its own: the caller runs it inside its transaction. Nobody subscribes
     * to shadow tables: it announces nothing.
     */
    public static DeviceEventProjection into(ReadModelTables tables, NamedParameterJdbcTemplate jdbc,
                                             SqlDialect dialect) {
        return new DeviceEventProjection(new TimelineRepository(jdbc, tables),
                new MachineActionRepository(jdbc, dialect, tables), new MachineRepository(jdbc, dialect, tables));
    }

    @Transactional
    public Outcome apply(RecordedEvent recorded) {
        DeviceEvent event = recorded.event();
        long sequence = recorded.sequence();
        MachineActionView action = null;
        if (event instanceof MachineActionEvent actionEvent) {
            action = MachineActionFold.apply(actions.findById(actionEvent.actionId()).orElse(null), actionEvent);
            if (action == null) {
                log.warn("{} for action {} whose request was never seen; only the timeline and device change",
                        TimelineEntries.eventType(event), actionEvent.actionId());
            }
        }
        if (!timeline.insertIfAbsent(TimelineEntries.entryFor(event, sequence, recorded.eventId(), action))) {
            boolean sameEvent = timeline.eventIdAt(event.deviceId(), sequence)
                    .filter(recorded.eventId()::equals).isPresent();
            return sameEvent ? Outcome.DUPLICATE : Outcome.DIVERGED;
        }
        // Folded onto the stored state either way; a save keeps the result only if the event is the view's newest.
        boolean actionStale = action != null && !actions.save(action, sequence);
        MachineView stored = machines.findById(event.deviceId()).orElse(null);
        MachineView device = DeviceFold.apply(stored, event);
        boolean deviceStale = !machines.save(device, sequence);
        if (actionStale || deviceStale) {
            log.warn("{} (device {}, sequence {}) arrived after a later event: in the timeline, but not folded into"
                            + " the {} view", TimelineEntries.eventType(event), event.deviceId(), sequence,
                    actionStale && deviceStale ? "action and device" : actionStale ? "action" : "device");
        }
        // Even when stale: the timeline changed. Told to the callers of the device's group as the view has it.
        changes.changed(Change.of(event, deviceGroups(stored, deviceStale ? stored : device, event)));
        return Outcome.APPLIED;
    }

    /**
     * {@link #apply} for many events in one transaction, with the same outcomes, rows, warnings and announcements as
     * applying them one after another: the rows they touch are read in one query per table, the events are folded
     * in memory (each device, each action, in the order given), and every touched row is written once, in one JDBC
     * batch per table. Should the database turn out to hold something the reads did not show (another writer between
     * them and the writes), it throws {@link BatchConflictException} and the transaction rolls back: the caller
     * applies the events one by one instead, which decides each against what is then stored.
     */
    @Transactional
    public List<Outcome> applyAll(List<RecordedEvent> batch) {
        BatchFold fold = new BatchFold(batch, timeline.eventIdsAt(BatchFold.places(batch)),
                actions.findAllById(BatchFold.actionIds(batch)), machines.findAllById(BatchFold.deviceIds(batch)));
        List<Outcome> outcomes = fold.outcomes();
        fold.staleness().forEach(stale -> log.warn("{} (device {}, sequence {}) arrived after a later event: in the"
                        + " timeline, but not folded into the {} view", stale.eventType(), stale.deviceId(),
                stale.sequence(), stale.views()));
        fold.unknownActions().forEach(unknown -> log.warn("{} for action {} whose request was never seen; only the"
                + " timeline and device change", unknown.eventType(), unknown.actionId()));
        requireAllWritten(timeline.insertAllIfAbsent(fold.timelineEntries()), "timeline entry");
        requireAllWritten(actions.saveAll(fold.actionsToSave()), "action");
        requireAllWritten(machines.saveAll(fold.devicesToSave()), "device");
        for (BatchFold.Announcement announcement : fold.announcements()) {
            changes.changed(Change.of(announcement.event(), deviceGroups(announcement.before(), announcement.now(),
                    announcement.event())));
        }
        return outcomes;
    }

    private static void requireAllWritten(boolean[] written, String what) {
        for (boolean w : written) {
            if (!w) {
                throw new BatchConflictException("A " + what + " changed between the batch's reads and its writes");
            }
        }
    }

    /**
     * The group the device is in now, and for a group change the one it left (as the view had it and as the event
     * says): the callers of both must refetch, to see the device appear and disappear.
     */
    private static List<String> deviceGroups(MachineView before, MachineView now, DeviceEvent event) {
        List<String> groups = new ArrayList<>();
        if (now != null && now.rbacGroupName() != null) {
            groups.add(now.rbacGroupName());
        }
        if (event instanceof DeviceGroupChangedEvent e) {
            if (before != null && before.rbacGroupName() != null) {
                groups.add(before.rbacGroupName());
            }
            if (e.previousGroupName() != null) {
                groups.add(e.previousGroupName());
            }
        }
        return groups;
    }
}
