package dev.cordon.command.demo;

import dev.cordon.command.device.RegisterDeviceCommand;
import dev.cordon.command.group.DeviceGroups;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.service.security.DeviceScope;
import java.time.Instant;

/**
 * A device the demo registers, with the details its agent would report and the risk score and exposure level an
 * inventory would (as {@code PUT /api/machines/{id}}).
 */
public record DemoDevice(
        String id,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        RiskScore riskScore,
        ExposureLevel exposureLevel) {

    /** A device the inventory gave no assessment of: Defender's no-data value, as the API registers it. */
    DemoDevice(String id, String computerDnsName, OsPlatform osPlatform, String osBuild, String version,
               String aadDeviceId) {
        this(id, computerDnsName, osPlatform, osBuild, version, aadDeviceId, RiskScore.None, ExposureLevel.None);
    }

    RegisterDeviceCommand registerCommand(DeviceGroups groups, String requestor, String requestSource, Instant at) {
        return new RegisterDeviceCommand(id, computerDnsName, osPlatform, osBuild, version, aadDeviceId, riskScore,
                exposureLevel, groups.assign(null, computerDnsName, osPlatform), requestor, requestSource,
                DeviceScope.ALL, at);
    }
}
