package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The action was not final within the configured timeout; the device is back in the state before it. */
@Revision("1")
public record MachineActionTimedOutEvent(
        String deviceId,
        String actionId,
        ActionType actionType,
        Instant timedOutAt) implements MachineActionEvent {

    @Override
    public Instant occurredAt() {
        return timedOutAt;
    }
}
