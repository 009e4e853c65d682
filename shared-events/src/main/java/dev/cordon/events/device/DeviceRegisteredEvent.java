package dev.cordon.events.device;

import dev.cordon.events.DeviceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DeviceRegisteredEvent(
        String deviceId,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        Instant registeredAt) implements DeviceEvent {

    @Override
    public Instant occurredAt() {
        return registeredAt;
    }
}
