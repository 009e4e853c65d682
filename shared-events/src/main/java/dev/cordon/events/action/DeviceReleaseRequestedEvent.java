package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DeviceReleaseRequestedEvent(
        String deviceId,
        String actionId,
        String computerDnsName,
        String requestor,
        String comment,
        String requestSource,
        String externalId,
        Instant requestedAt) implements MachineActionEvent {

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
