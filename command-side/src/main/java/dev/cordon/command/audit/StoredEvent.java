package dev.cordon.command.audit;

import dev.cordon.events.DeviceEvent;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * One row of the event store: as written ({@code storedRevision}, {@code storedPayload}) and as read today
 * ({@code current}, upcast to the catalog's revision by the same upcasters that load the aggregate).
 */
public record StoredEvent(String storedRevision, byte[] storedPayload, DomainEventMessage<?> current) {

    public DeviceEvent event() {
        return (DeviceEvent) current.getPayload();
    }
}
