package dev.cordon.events.device;

import dev.cordon.events.DeviceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A registered device reported new details (an OS upgrade changes what isolation it supports, the inventory's
 * assessment changes its risk score). Revision 2 added {@code riskScore} and {@code exposureLevel}, as for
 * {@link DeviceRegisteredEvent}.
 */
@Revision("2")
public record DeviceDetailsUpdatedEvent(
        String deviceId,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        RiskScore riskScore,
        ExposureLevel exposureLevel,
        Instant updatedAt) implements DeviceEvent {

    @Override
    public Instant occurredAt() {
        return updatedAt;
    }
}
