package dev.cordon.command.api;

/** Body of PUT /api/machines/{id}: the device as its agent or the inventory reports it. */
public record RegisterMachineRequest(
        String computerDnsName,
        String osPlatform,
        String osBuild,
        String version,
        String aadDeviceId) {
}
