package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The device agent picked the action up and reported it InProgress. */
@Revision("1")
public record MachineActionStartedEvent(
        String deviceId,
        String actionId,
        ActionType actionType,
        Instant reportedAt) implements MachineActionEvent {

    @Override
    public Instant occurredAt() {
        return reportedAt;
    }
}
