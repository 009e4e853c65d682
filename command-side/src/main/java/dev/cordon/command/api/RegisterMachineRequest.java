package dev.cordon.command.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Body of PUT /api/machines/{id}: the device as its agent or the inventory reports it. */
public record RegisterMachineRequest(
        String computerDnsName,
        String osPlatform,
        @JsonDeserialize(using = OsBuildDeserializer.class) String osBuild,
        String version,
        String aadDeviceId) {
}
