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
import java.time.Instant;
import java.util.List;

/** A device on the wire; {@code @odata.context} is only written for a single entity. */
@JsonPropertyOrder({"@odata.context", "id", "computerDnsName", "osPlatform", "osBuild", "version", "aadDeviceId",
        "isAadJoined", "isolationState", "isolationScope", "pendingActionId", "lastActionId", "lastActionType",
        "lastActionStatus", "firstSeen", "lastUpdate", "onboardingStatus", "healthStatus", "lastSeen",
        "lastIpAddress", "lastExternalIpAddress", "riskScore", "exposureLevel", "machineTags"})
public record MachineJson(
        @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL) String odataContext,
        @JsonProperty("id") String id,
        @JsonProperty("computerDnsName") String computerDnsName,
        @JsonProperty("osPlatform") OsPlatform osPlatform,
        @JsonProperty("osBuild") Long osBuild,
        @JsonProperty("version") String version,
        @JsonProperty("aadDeviceId") String aadDeviceId,
        @JsonProperty("isolationState") IsolationState isolationState,
        @JsonProperty("isolationScope") IsolationType isolationScope,
        @JsonProperty("pendingActionId") String pendingActionId,
        @JsonProperty("lastActionId") String lastActionId,
        @JsonProperty("lastActionType") ActionType lastActionType,
        @JsonProperty("lastActionStatus") ActionStatus lastActionStatus,
        @JsonProperty("firstSeen") Instant firstSeen,
        @JsonProperty("lastUpdate") Instant lastUpdate,
        @JsonProperty("isAadJoined") boolean isAadJoined,
        @JsonProperty("onboardingStatus") String onboardingStatus,
        @JsonProperty("healthStatus") String healthStatus,
        @JsonProperty("lastSeen") Instant lastSeen,
        @JsonProperty("lastIpAddress") String lastIpAddress,
        @JsonProperty("lastExternalIpAddress") String lastExternalIpAddress,
        @JsonProperty("riskScore") RiskScore riskScore,
        @JsonProperty("exposureLevel") ExposureLevel exposureLevel,
        @JsonProperty("machineTags") List<String> machineTags) {

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
                presence.lastExternalIpAddress(), view.riskScore(), view.exposureLevel(), view.machineTags());
    }
}
