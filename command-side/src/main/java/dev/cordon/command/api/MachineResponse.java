package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.ALWAYS)
public record MachineResponse(
        String id,
        String computerDnsName,
        String osPlatform,
        @Schema(nullable = true) String osBuild,
        @Schema(nullable = true) String version,
        @Schema(nullable = true) String aadDeviceId,
        String riskScore,
        String exposureLevel) {
}
