package dev.cordon.command.device;

import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The device as its agent or the inventory reports it; the risk score and exposure level are the inventory's. */
public record RegisterDeviceCommand(
        @TargetAggregateIdentifier String deviceId,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        RiskScore riskScore,
        ExposureLevel exposureLevel,
        Instant at) {
}
