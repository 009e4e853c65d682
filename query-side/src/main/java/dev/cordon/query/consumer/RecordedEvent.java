package dev.cordon.query.consumer;

import dev.cordon.events.DeviceEvent;

/** A device event with the identity the event store gave it: its event id and its place in the device's history. */
public record RecordedEvent(String eventId, long sequence, DeviceEvent event) {
}
