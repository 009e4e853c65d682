package dev.cordon.command.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.cordon.command.api.MachineActionResponse;
import dev.cordon.events.bulk.BulkRefusal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A bulk action as GET /api/bulkactions/{id} answers it: the request, its counts, its refusals, a page of actions. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BulkActionResponse(
        String id,
        String action,
        @Schema(nullable = true) String isolationType,
        String comment,
        @Schema(nullable = true, description = "The $filter as sent; null when MachineIds were sent") String filter,
        @Schema(nullable = true) String externalId,
        String requestor,
        String requestSource,
        Instant creationDateTimeUtc,
        @Schema(allowableValues = {"Dispatching", "Dispatched", "Cancelled"}) String status,
        Counts counts,
        List<BulkRefusal> refusals,
        @Schema(description = "A page of the bulk's machine actions, oldest first ($top, $skip)")
        List<Action> actions,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "The next page of actions, when there is one")
        @JsonProperty("@odata.nextLink") String nextLink) {

    /**
     * @param targeted every device the request named (or its filter matched), the refused ones included
     * @param accepted the targets that have their machine action; with the refused, all targets once dispatched
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Counts(
            int targeted,
            int accepted,
            int refused,
            Map<String, Integer> refusedByCode,
            @JsonProperty("Pending") int pending,
            @JsonProperty("InProgress") int inProgress,
            @JsonProperty("Succeeded") int succeeded,
            @JsonProperty("Failed") int failed,
            @JsonProperty("TimeOut") int timeOut,
            @JsonProperty("Cancelled") int cancelled) {
    }

    /** A machine action as GET /api/machineactions/{id} shapes it, with the bulk it belongs to. */
    public record Action(@JsonUnwrapped MachineActionResponse action, String bulkActionId) {
    }
}
