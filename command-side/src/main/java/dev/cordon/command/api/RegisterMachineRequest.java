package dev.cordon.command.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of PUT /api/machines/{id}: the device as its agent or the inventory reports it. */
public record RegisterMachineRequest(
        @Schema(description = "The device's DNS name (at most 255 characters)",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "laptop-042")
        String computerDnsName,
        @Schema(description = "The OS platform (case-sensitive)", implementation = OsPlatform.class,
                requiredMode = Schema.RequiredMode.REQUIRED)
        String osPlatform,
        @Schema(description = "The OS build number: digits, as a string or a number", example = "22631")
        @JsonDeserialize(using = OsBuildDeserializer.class) String osBuild,
        @Schema(description = "The OS version (at most 64 characters)", example = "23H2")
        String version,
        @Schema(description = "The Entra ID (Azure AD) device id (at most 64 characters)")
        String aadDeviceId,
        @Schema(description = "The risk score the inventory assessed, with Defender's values (case-sensitive);"
                + " None when absent or null", implementation = RiskScore.class, example = "Medium")
        String riskScore,
        @Schema(description = "The exposure level the inventory assessed, with Defender's values"
                + " (case-sensitive); None when absent or null", implementation = ExposureLevel.class,
                example = "Low")
        String exposureLevel,
        @Schema(description = "The device group to put the device in (Defender's rbacGroupName, ignoring letter"
                + " case); absent or null: the first group whose rule matches, else the default group. The caller"
                + " must cover the group.", example = "Servers")
        String rbacGroupName) {
}
