package dev.cordon.events.device;

import dev.cordon.events.DeviceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A tag was taken off the device; {@code tag} is spelt as it was when added. */
@Revision("1")
public record DeviceTagRemovedEvent(
        String deviceId,
        String tag,
        String requestor,
        String requestSource,
        Instant removedAt) implements DeviceEvent {

    @Override
    public Instant occurredAt() {
        return removedAt;
    }
}
