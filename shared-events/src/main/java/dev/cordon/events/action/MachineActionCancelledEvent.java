package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An open action was cancelled; the device is back in the state it had before the action. */
@Revision("1")
public record MachineActionCancelledEvent(
        String deviceId,
        String actionId,
        ActionType actionType,
        String cancellationRequestor,
        String cancellationComment,
        String requestSource,
        Instant cancelledAt) implements MachineActionEvent {

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
