package dev.cordon.events.device;

import dev.cordon.events.DeviceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A device became known, with the details its agent or inventory reported. Revision 2 added {@code riskScore} and
 * {@code exposureLevel} (clients read them on the machine entity); revision-1 events are upcast by
 * {@link dev.cordon.events.upcast.RiskAndExposureUpcaster} with Defender's no-data value.
 */
@Revision("2")
public record DeviceRegisteredEvent(
        String deviceId,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        RiskScore riskScore,
        ExposureLevel exposureLevel,
        Instant registeredAt) implements DeviceEvent {

    @Override
    public Instant occurredAt() {
        return registeredAt;
    }
}
