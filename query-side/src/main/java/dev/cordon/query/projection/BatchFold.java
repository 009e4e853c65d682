package dev.cordon.query.projection;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.query.action.MachineActionView;
import dev.cordon.query.jdbc.Versioned;
import dev.cordon.query.machine.MachineView;
import dev.cordon.query.projection.DeviceEventProjection.Outcome;
import dev.cordon.query.timeline.TimelineEntry;
import dev.cordon.query.timeline.TimelineRepository.Place;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of events folded in memory onto the rows they touch, as {@link DeviceEventProjection#apply} would fold them
 * one at a time: a (device, sequence) already taken, in the store or earlier in the batch, makes a duplicate or a
 * divergence and changes nothing; a view takes an event only if it is later than the last one it took. What is left
 * is each row's final state, to be written once.
 */
final class BatchFold {

    record Stale(String eventType, String deviceId, long sequence, String views) {
    }

    record UnknownAction(String eventType, String actionId) {
    }

    /** One applied event's change, with the device view before it and as it stands after it. */
    record Announcement(DeviceEvent event, MachineView before, MachineView now) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<TimelineEntry> timelineEntries = new ArrayList<>();
    private final Map<String, Versioned<MachineActionView>> actions;
    private final Map<String, Versioned<MachineView>> devices;
    private final Set<String> touchedActions = new LinkedHashSet<>();
    private final Set<String> touchedDevices = new LinkedHashSet<>();
    private final List<Stale> staleness = new ArrayList<>();
    private final List<UnknownAction> unknownActions = new ArrayList<>();
    private final List<Announcement> announcements = new ArrayList<>();

    BatchFold(List<RecordedEvent> batch, Map<Place, String> storedTimeline,
              Map<String, Versioned<MachineActionView>> storedActions, Map<String, Versioned<MachineView>> storedDevices) {
        Map<Place, String> taken = new LinkedHashMap<>(storedTimeline);
        this.actions = new LinkedHashMap<>(storedActions);
        this.devices = new LinkedHashMap<>(storedDevices);
        for (RecordedEvent recorded : batch) {
            outcomes.add(fold(recorded, taken));
        }
    }

    private Outcome fold(RecordedEvent recorded, Map<Place, String> taken) {
        DeviceEvent event = recorded.event();
        long sequence = recorded.sequence();
        MachineActionView action = null;
        Versioned<MachineActionView> storedAction = null;
        if (event instanceof MachineActionEvent actionEvent) {
            storedAction = actions.get(actionEvent.actionId());
            action = MachineActionFold.apply(storedAction == null ? null : storedAction.view(), actionEvent);
            if (action == null) {
                unknownActions.add(new UnknownAction(TimelineEntries.eventType(event), actionEvent.actionId()));
            }
        }
        Place place = new Place(event.deviceId(), sequence);
        String holder = taken.putIfAbsent(place, recorded.eventId());
        if (holder != null) {
            return holder.equals(recorded.eventId()) ? Outcome.DUPLICATE : Outcome.DIVERGED;
        }
        timelineEntries.add(TimelineEntries.entryFor(event, sequence, recorded.eventId(), action));
        boolean actionStale = action != null && storedAction != null && storedAction.lastSequence() >= sequence;
        if (action != null && !actionStale) {
            actions.put(action.id(), new Versioned<>(action, sequence));
            touchedActions.add(action.id());
        }
        Versioned<MachineView> storedDevice = devices.get(event.deviceId());
        MachineView before = storedDevice == null ? null : storedDevice.view();
        MachineView device = DeviceFold.apply(before, event);
        boolean deviceStale = storedDevice != null && storedDevice.lastSequence() >= sequence;
        if (!deviceStale) {
            devices.put(event.deviceId(), new Versioned<>(device, sequence));
            touchedDevices.add(event.deviceId());
        }
        if (actionStale || deviceStale) {
            staleness.add(new Stale(TimelineEntries.eventType(event), event.deviceId(), sequence,
                    actionStale && deviceStale ? "action and device" : actionStale ? "action" : "device"));
        }
        announcements.add(new Announcement(event, before, deviceStale ? before : device));
        return Outcome.APPLIED;
    }

    static Set<Place> places(List<RecordedEvent> batch) {
        Set<Place> places = new LinkedHashSet<>();
        batch.forEach(r -> places.add(new Place(r.event().deviceId(), r.sequence())));
        return places;
    }

    static Set<String> actionIds(List<RecordedEvent> batch) {
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(r -> {
            if (r.event() instanceof MachineActionEvent e) {
                ids.add(e.actionId());
            }
        });
        return ids;
    }

    static Set<String> deviceIds(List<RecordedEvent> batch) {
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(r -> ids.add(r.event().deviceId()));
        return ids;
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    List<TimelineEntry> timelineEntries() {
        return timelineEntries;
    }

    List<Versioned<MachineActionView>> actionsToSave() {
        return touchedActions.stream().map(actions::get).toList();
    }

    List<Versioned<MachineView>> devicesToSave() {
        return touchedDevices.stream().map(devices::get).toList();
    }

    List<Stale> staleness() {
        return staleness;
    }

    List<UnknownAction> unknownActions() {
        return unknownActions;
    }

    List<Announcement> announcements() {
        return announcements;
    }
}
