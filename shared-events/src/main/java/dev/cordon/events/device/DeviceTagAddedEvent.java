package dev.cordon.events.device;

import dev.cordon.events.DeviceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A tag was put on the device (Defender's machineTags), by whom: tags decide playbooks, so who set one is audited. */
@Revision("1")
public record DeviceTagAddedEvent(
        String deviceId,
        String tag,
        String requestor,
        String requestSource,
        Instant addedAt) implements DeviceEvent {

    @Override
    public Instant occurredAt() {
        return addedAt;
    }
}
