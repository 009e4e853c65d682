package dev.cordon.query.machine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import java.time.Instant;

/** A device on the wire; {@code @odata.context} is only written for a single entity. */
@JsonPropertyOrder({"@odata.context", "id", "computerDnsName", "osPlatform", "osBuild", "version", "aadDeviceId",
        "isolationState", "isolationScope", "pendingActionId", "lastActionId", "lastActionType", "lastActionStatus",
        "firstSeen", "lastUpdate"})
public record MachineJson(
        @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL) String odataContext,
        @JsonProperty("id") String id,
        @JsonProperty("computerDnsName") String computerDnsName,
        @JsonProperty("osPlatform") OsPlatform osPlatform,
        @JsonProperty("osBuild") String osBuild,
        @JsonProperty("version") String version,
        @JsonProperty("aadDeviceId") String aadDeviceId,
        @JsonProperty("isolationState") IsolationState isolationState,
        @JsonProperty("isolationScope") IsolationType isolationScope,
        @JsonProperty("pendingActionId") String pendingActionId,
        @JsonProperty("lastActionId") String lastActionId,
        @JsonProperty("lastActionType") ActionType lastActionType,
        @JsonProperty("lastActionStatus") ActionStatus lastActionStatus,
        @JsonProperty("firstSeen") Instant firstSeen,
        @JsonProperty("lastUpdate") Instant lastUpdate) {

    static MachineJson of(MachineView view, String odataContext) {
        return new MachineJson(odataContext, view.id(), view.computerDnsName(), view.osPlatform(), view.osBuild(),
                view.version(), view.aadDeviceId(), view.isolationState(), view.isolationScope(),
                view.pendingActionId(), view.lastActionId(), view.lastActionType(), view.lastActionStatus(),
                view.firstSeen(), view.lastUpdate());
    }
}
