package dev.cordon.command.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.device.IsolationState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/machines/{id}/state?at=}: the device as its events up to {@code at} leave it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"machineId", "at", "rbacGroupId", "rbacGroupName", "isolationState", "isolationScope",
        "keptConnectedApplications", "openAction", "lastEvent"})
record DeviceStateJson(
        String machineId,
        Instant at,
        @Schema(nullable = true, description = "The device group it was in at 'at'; null before it was put in one"
                + " (devices registered before device groups existed)") Integer rbacGroupId,
        @Schema(nullable = true) String rbacGroupName,
        IsolationState isolationState,
        @Schema(nullable = true) IsolationType isolationScope,
        @Schema(nullable = true) List<String> keptConnectedApplications,
        @Schema(nullable = true) OpenAction openAction,
        LastEvent lastEvent) {

    /** Property names as on the Defender MachineAction entity. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"id", "type", "scope", "keptConnectedApplications", "status", "requestor", "requestorComment",
            "requestSource", "externalId", "creationDateTimeUtc", "lastUpdateDateTimeUtc"})
    record OpenAction(String id, ActionType type, @Schema(nullable = true) IsolationType scope,
                      @Schema(nullable = true) List<String> keptConnectedApplications,
                      ActionStatus status, String requestor, String requestorComment, String requestSource,
                      @Schema(nullable = true) String externalId, Instant creationDateTimeUtc,
                      Instant lastUpdateDateTimeUtc) {

        static OpenAction of(OpenActionState a) {
            return a == null ? null : new OpenAction(a.actionId(), a.type(), a.scope(), a.keptConnectedApplications(),
                    a.status(), a.requestor(), a.requestorComment(), a.requestSource(), a.externalId(),
                    a.requestedAt(), a.lastUpdate());
        }
    }

    /** The last event the state includes: the answer holds from its timestamp until the device's next event. */
    @JsonPropertyOrder({"eventId", "sequence", "type", "timestamp"})
    record LastEvent(String eventId, long sequence, String type, Instant timestamp) {
    }

    static DeviceStateJson of(String machineId, Instant at, DeviceState state, DeviceGroupChangedEvent group,
                              LastEvent lastEvent) {
        return new DeviceStateJson(machineId, at, group == null ? null : group.groupId(),
                group == null ? null : group.groupName(), state.state(), state.scope(),
                state.keptConnectedApplications(),
                OpenAction.of(state.openAction()), lastEvent);
    }
}
