package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The device agent could not release the device; it stays isolated. */
@Revision("1")
public record DeviceReleaseFailedEvent(
        String deviceId,
        String actionId,
        int errorHResult,
        Instant failedAt) implements MachineActionEvent {

    @Override
    public Instant occurredAt() {
        return failedAt;
    }
}
