package dev.cordon.events.device;

import dev.cordon.events.DeviceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A registered device reported new details (an OS upgrade changes what isolation it supports). */
@Revision("1")
public record DeviceDetailsUpdatedEvent(
        String deviceId,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        Instant updatedAt) implements DeviceEvent {

    @Override
    public Instant occurredAt() {
        return updatedAt;
    }
}
