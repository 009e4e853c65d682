package dev.cordon.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cordon.command.action.ActionRecord;
import dev.cordon.service.odata.ODataContext;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The Defender MachineAction entity, every field present (nulls included) as clients expect them. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MachineActionResponse(
        @Schema(nullable = true) @JsonProperty("@odata.context") String odataContext,
        String id,
        String type,
        @Schema(nullable = true) String scope,
        @Schema(nullable = true) String title,
        String requestor,
        String requestorComment,
        String requestSource,
        @Schema(nullable = true) String externalId,
        String status,
        String machineId,
        String computerDnsName,
        Instant creationDateTimeUtc,
        Instant lastUpdateDateTimeUtc,
        Instant lastUpdateTimeUtc,
        @Schema(nullable = true) String cancellationRequestor,
        @Schema(nullable = true) String cancellationComment,
        @Schema(nullable = true) Instant cancellationDateTimeUtc,
        int errorHResult,
        List<Object> commands,
        @Schema(nullable = true) Object relatedFileInfo,
        @Schema(nullable = true) Object troubleshootInfo) {

    /** One action as its own resource, with its {@code @odata.context}. */
    public static MachineActionResponse entity(ActionRecord a) {
        return of(a, ODataContext.of("MachineActions/$entity"));
    }

    /** @param odataContext null for an action inside a list */
    public static MachineActionResponse of(ActionRecord a, String odataContext) {
        return new MachineActionResponse(odataContext, a.actionId(), a.type().name(),
                a.scope() == null ? null : a.scope().name(), null, a.requestor(), a.requestorComment(),
                a.requestSource(), a.externalId(), a.status().name(), a.deviceId(), a.computerDnsName(),
                a.createdAt(), a.lastUpdate(), a.lastUpdate(), a.cancellationRequestor(), a.cancellationComment(),
                a.cancelledAt(), a.errorHResult(), List.of(), null, null);
    }
}
