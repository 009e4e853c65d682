package dev.cordon.command.device;

import dev.cordon.command.group.GroupAssignment;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.service.security.DeviceScope;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The device as its agent or the inventory reports it; the risk score and exposure level are the inventory's.
 *
 * @param group     the device group this registration puts the device in (DeviceGroups.assign)
 * @param requestor who registered it, recorded when the registration moves the device to another group
 * @param scope     the caller's device groups: it may register devices in them only, and re-register only devices in
 *                  them
 */
public record RegisterDeviceCommand(
        @TargetAggregateIdentifier String deviceId,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        RiskScore riskScore,
        ExposureLevel exposureLevel,
        GroupAssignment group,
        String requestor,
        String requestSource,
        DeviceScope scope,
        Instant at) {
}
