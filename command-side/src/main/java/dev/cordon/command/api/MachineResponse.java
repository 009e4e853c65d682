package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.ALWAYS)
public record MachineResponse(
        String id,
        String computerDnsName,
        String osPlatform,
        String osBuild,
        String version,
        String aadDeviceId,
        String riskScore,
        String exposureLevel) {
}
