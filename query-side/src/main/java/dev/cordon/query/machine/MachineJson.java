package dev.cordon.query.machine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A device on the wire; {@code @odata.context} is only written for a single entity. */
@JsonPropertyOrder({"@odata.context", "id", "computerDnsName", "osPlatform", "osBuild", "version", "aadDeviceId",
        "isAadJoined", "isolationState", "isolationScope", "pendingActionId", "lastActionId", "lastActionType",
        "lastActionStatus", "firstSeen", "lastUpdate", "onboardingStatus", "healthStatus", "lastSeen",
        "lastIpAddress", "lastExternalIpAddress", "riskScore", "exposureLevel", "machineTags", "rbacGroupId",
        "rbacGroupName"})
public record MachineJson(
        @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL) String odataContext,
        @JsonProperty("id") String id,
        @JsonProperty("computerDnsName") String computerDnsName,
        @JsonProperty("osPlatform") OsPlatform osPlatform,
        @Schema(nullable = true) @JsonProperty("osBuild") Long osBuild,
        @Schema(nullable = true) @JsonProperty("version") String version,
        @Schema(nullable = true) @JsonProperty("aadDeviceId") String aadDeviceId,
        @JsonProperty("isolationState") IsolationState isolationState,
        @Schema(nullable = true) @JsonProperty("isolationScope") IsolationType isolationScope,
        @Schema(nullable = true) @JsonProperty("pendingActionId") String pendingActionId,
        @Schema(nullable = true) @JsonProperty("lastActionId") String lastActionId,
        @Schema(nullable = true) @JsonProperty("lastActionType") ActionType lastActionType,
        @Schema(nullable = true) @JsonProperty("lastActionStatus") ActionStatus lastActionStatus,
        @JsonProperty("firstSeen") Instant firstSeen,
        @JsonProperty("lastUpdate") Instant lastUpdate,
        @JsonProperty("isAadJoined") boolean isAadJoined,
        @JsonProperty("onboardingStatus") String onboardingStatus,
        @JsonProperty("healthStatus") String healthStatus,
        @Schema(nullable = true) @JsonProperty("lastSeen") Instant lastSeen,
        @Schema(nullable = true) @JsonProperty("lastIpAddress") String lastIpAddress,
        @Schema(nullable = true) @JsonProperty("lastExternalIpAddress") String lastExternalIpAddress,
        @JsonProperty("riskScore") RiskScore riskScore,
        @JsonProperty("exposureLevel") ExposureLevel exposureLevel,
        @JsonProperty("machineTags") List<String> machineTags,
        @Schema(nullable = true, description = "The device group's id; null for a device that has no group yet")
        @JsonProperty("rbacGroupId") Integer rbacGroupId,
        @Schema(nullable = true, description = "The device group's name; null for a device that has no group yet")
        @JsonProperty("rbacGroupName") String rbacGroupName) {

    /**
     * Defender's osBuild is a number. Registration takes digits only; a build stored otherwise (by an older version)
     * is shown as absent rather than as something a client cannot parse.
     */
    static Long number(String osBuild) {
        if (osBuild == null || osBuild.isEmpty() || osBuild.length() > 18
                || !osBuild.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(osBuild);
    }

    static MachineJson of(MachineRepository.Entity entity, String odataContext) {
        MachineView view = entity.view();
        MachinePresence presence = entity.presence();
        return new MachineJson(odataContext, view.id(), view.computerDnsName(), view.osPlatform(),
                number(view.osBuild()), view.version(), view.aadDeviceId(), view.isolationState(),
                view.isolationScope(), view.pendingActionId(), view.lastActionId(), view.lastActionType(),
                view.lastActionStatus(), view.firstSeen(), view.lastUpdate(), view.aadDeviceId() != null,
                presence.onboardingStatus(), presence.healthStatus(), presence.lastSeen(), presence.lastIpAddress(),
                presence.lastExternalIpAddress(), view.riskScore(), view.exposureLevel(), view.machineTags(),
                view.rbacGroupId(), view.rbacGroupName());
    }
}
