package dev.cordon.events;

import java.time.Instant;

/** Marker for every event of the device aggregate; the device id is the aggregate id and the Kafka key. */
public interface DeviceEvent {
    String deviceId();

    /** When it happened, from the event's own time field (not the time it was stored or published). */
    Instant occurredAt();
}
