package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The device agent reported the device reconnected to the network. */
@Revision("1")
public record DeviceReleasedEvent(
        String deviceId,
        String actionId,
        Instant completedAt) implements MachineActionEvent {

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
