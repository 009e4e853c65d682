package dev.cordon.query.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The Defender MachineAction wire shape, plus {@code bulkActionId} (Cordon's: the bulk action it was dispatched for,
 * null for a single action), last so that Defender's fields keep their order. {@code @odata.context} is only written for a single entity;
 * both last-update spellings are written because clients read one or the other.
 */
@JsonPropertyOrder({"@odata.context", "id", "type", "scope", "title", "requestor", "requestorComment",
        "requestSource", "externalId", "status", "machineId", "computerDnsName", "creationDateTimeUtc",
        "lastUpdateDateTimeUtc", "lastUpdateTimeUtc", "cancellationRequestor", "cancellationComment",
        "cancellationDateTimeUtc", "errorHResult", "commands", "relatedFileInfo", "troubleshootInfo",
        "bulkActionId"})
public record MachineActionJson(
        @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL) String odataContext,
        @JsonProperty("id") String id,
        @JsonProperty("type") ActionType type,
        @Schema(nullable = true) @JsonProperty("scope") IsolationType scope,
        @Schema(nullable = true) @JsonProperty("title") String title,
        @JsonProperty("requestor") String requestor,
        @JsonProperty("requestorComment") String requestorComment,
        @JsonProperty("requestSource") String requestSource,
        @Schema(nullable = true) @JsonProperty("externalId") String externalId,
        @JsonProperty("status") ActionStatus status,
        @JsonProperty("machineId") String machineId,
        @JsonProperty("computerDnsName") String computerDnsName,
        @JsonProperty("creationDateTimeUtc") Instant creationDateTimeUtc,
        @JsonProperty("lastUpdateDateTimeUtc") Instant lastUpdateDateTimeUtc,
        @JsonProperty("lastUpdateTimeUtc") Instant lastUpdateTimeUtc,
        @Schema(nullable = true) @JsonProperty("cancellationRequestor") String cancellationRequestor,
        @Schema(nullable = true) @JsonProperty("cancellationComment") String cancellationComment,
        @Schema(nullable = true) @JsonProperty("cancellationDateTimeUtc") Instant cancellationDateTimeUtc,
        @JsonProperty("errorHResult") int errorHResult,
        @JsonProperty("commands") List<Object> commands,
        @Schema(nullable = true) @JsonProperty("relatedFileInfo") Object relatedFileInfo,
        @Schema(nullable = true) @JsonProperty("troubleshootInfo") Object troubleshootInfo,
        @Schema(nullable = true, description = "The bulk action (POST /api/bulkactions) this action was dispatched"
                + " for; null for a single device's action") @JsonProperty("bulkActionId") String bulkActionId) {

    static MachineActionJson of(MachineActionView view, String odataContext) {
        return new MachineActionJson(odataContext, view.id(), view.type(), view.scope(), view.title(),
                view.requestor(), view.requestorComment(), view.requestSource(), view.externalId(), view.status(),
                view.machineId(), view.computerDnsName(), view.creationDateTimeUtc(), view.lastUpdateDateTimeUtc(),
                view.lastUpdateDateTimeUtc(), view.cancellationRequestor(), view.cancellationComment(),
                view.cancellationDateTimeUtc(), view.errorHResult(), List.of(), null, null, view.bulkActionId());
    }
}
