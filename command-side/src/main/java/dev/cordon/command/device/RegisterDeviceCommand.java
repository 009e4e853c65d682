package dev.cordon.command.device;

import dev.cordon.events.device.OsPlatform;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterDeviceCommand(
        @TargetAggregateIdentifier String deviceId,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        Instant at) {
}
