package dev.cordon.command.bulk;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of POST /api/bulkactions; property names in Defender's spelling (case-sensitive), as the single isolate's. */
public record BulkActionRequest(
        @Schema(description = "Isolate or Unisolate", requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"Isolate", "Unisolate"})
        @JsonProperty("Action") String action,
        @Schema(description = "Why; kept in the audit trail of the bulk and of every device's action (1 to 4000"
                + " characters)", requiredMode = Schema.RequiredMode.REQUIRED, example = "Worm outbreak 0815")
        @JsonProperty("Comment") String comment,
        @Schema(description = "Isolate only: Full (the default) or Selective", allowableValues = {"Full", "Selective"})
        @JsonProperty("IsolationType") String isolationType,
        @Schema(description = "The caller's own correlation id, on the bulk and each action (at most 255 characters)")
        @JsonProperty("ExternalID") String externalId,
        @ArraySchema(arraySchema = @Schema(description = "The devices, by machine id or aadDeviceId: 1 to 10,000;"
                + " duplicates count once. Either this or Filter."), maxItems = BulkLimits.MAX_TARGETS)
        @JsonProperty("MachineIds") List<String> machineIds,
        @Schema(description = "A $filter of GET /api/machines (same grammar and fields), resolved when the request"
                + " is taken, among the devices the caller may see; at most 10,000 may match. Either this or"
                + " MachineIds.", example = "osPlatform eq 'Windows11' and riskScore eq 'High'")
        @JsonProperty("Filter") String filter) {
}
