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
        String exposureLevel,
        @Schema(nullable = true, description = "The device group's id (0: the default group); null for a device"
                + " registered before device groups existed") Integer rbacGroupId,
        @Schema(nullable = true, description = "The device group's name") String rbacGroupName) {
}
