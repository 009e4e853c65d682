package dev.cordon.events;

import java.time.Instant;

/**
 * Every event Cordon stores and publishes: a device's ({@link DeviceEvent}) or a bulk action's
 * ({@link dev.cordon.events.bulk.BulkActionEvent}). The subject is the aggregate's id: the Kafka key and the
 * CloudEvents subject, so that one aggregate's events keep their order on one partition.
 */
public interface CordonEvent {

    /** The id of the aggregate the event belongs to. */
    String subject();

    /** When it happened, from the event's own time field (not the time it was stored or published). */
    Instant occurredAt();
}
