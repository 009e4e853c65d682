package dev.cordon.query.projection;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import dev.cordon.events.transition.IsolationTransitions;
import dev.cordon.query.action.MachineActionView;
import dev.cordon.query.timeline.TimelineEntry;

/** Builds a timeline entry from one event; a pure function, like the folds. */
public final class TimelineEntries {

    private TimelineEntries() {
    }

    /**
     * @param actionAfter the event's action as folded with this event, or null for device events
     *                    (and for reports on an action never seen requested)
     */
    public static TimelineEntry entryFor(DeviceEvent event, long sequence, String eventId,
                                         MachineActionView actionAfter) {
        String eventType = eventType(event);
        if (event instanceof DeviceTagAddedEvent e) {
            return new TimelineEntry(e.deviceId(), sequence, eventId, eventType, e.addedAt(), null, null, null,
                    e.requestor(), null, e.tag(), null, null, null);
        }
        if (event instanceof DeviceTagRemovedEvent e) {
            return new TimelineEntry(e.deviceId(), sequence, eventId, eventType, e.removedAt(), null, null, null,
                    e.requestor(), null, e.tag(), null, null, null);
        }
        if (event instanceof DeviceGroupChangedEvent e) {
            return new TimelineEntry(e.deviceId(), sequence, eventId, eventType, e.changedAt(), null, null, null,
                    e.requestor(), null, null, e.groupName(), e.previousGroupName(), e.reason());
        }
        if (!(event instanceof MachineActionEvent actionEvent)) {
            return new TimelineEntry(event.deviceId(), sequence, eventId, eventType, event.occurredAt(), null, null,
                    null, null, null, null, null, null, null);
        }
        String requestor;
        String comment;
        if (event instanceof DeviceIsolationRequestedEvent e) {
            requestor = e.requestor();
            comment = e.comment();
        } else if (event instanceof DeviceReleaseRequestedEvent e) {
            requestor = e.requestor();
            comment = e.comment();
        } else if (event instanceof MachineActionCancelledEvent e) {
            requestor = e.cancellationRequestor();
            comment = e.cancellationComment();
        } else {
            // Agent reports and timeouts have no author of their own: show who asked for the action.
            requestor = actionAfter == null ? null : actionAfter.requestor();
            comment = null;
        }
        return new TimelineEntry(event.deviceId(), sequence, eventId, eventType, event.occurredAt(),
                actionEvent.actionId(), IsolationTransitions.actionType(actionEvent),
                IsolationTransitions.statusAfter(actionEvent),
                requestor, comment, null, null, null, null);
    }

    /** The record's simple name without {@code Event}, e.g. {@code DeviceIsolationRequested}. */
    public static String eventType(DeviceEvent event) {
        String name = event.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }
}
