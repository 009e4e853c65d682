package dev.cordon.command.demo;

import dev.cordon.command.device.RegisterDeviceCommand;
import dev.cordon.events.device.OsPlatform;
import java.time.Instant;

/** A device the demo registers, with the details its agent would report (as {@code PUT /api/machines/{id}}). */
public record DemoDevice(
        String id,
        String computerDnsName,
        OsPlatform osPlatform,
        String osBuild,
        String version,
        String aadDeviceId) {

    RegisterDeviceCommand registerCommand(Instant at) {
        return new RegisterDeviceCommand(id, computerDnsName, osPlatform, osBuild, version, aadDeviceId, at);
    }
}
