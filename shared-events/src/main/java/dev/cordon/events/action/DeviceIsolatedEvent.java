package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The device agent reported the isolation in place. */
@Revision("1")
public record DeviceIsolatedEvent(
        String deviceId,
        String actionId,
        IsolationType isolationType,
        Instant completedAt) implements MachineActionEvent {

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
