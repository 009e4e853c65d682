package dev.cordon.query.projection;

import dev.cordon.events.DeviceEvent;
import java.time.Instant;

/**
 * A device event with the identity the event store gave it: its event id and its place in the device's history.
 *
 * @param time when the event was stored (the CloudEvent's {@code time}); the projection lag is measured from it
 */
public record RecordedEvent(String eventId, long sequence, DeviceEvent event, Instant time) {

    /** For an event whose CloudEvent time is not known: the event's own time stands in. */
    public RecordedEvent(String eventId, long sequence, DeviceEvent event) {
        this(eventId, sequence, event, event.occurredAt());
    }
}
