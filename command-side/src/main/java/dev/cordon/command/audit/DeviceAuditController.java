package dev.cordon.command.audit;

import dev.cordon.command.api.RequestRules;
import dev.cordon.command.web.RequestOriginResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who did what to a device, and how it stood at a given instant: answered from the event store, never from a
 * projection, so an auditor sees what the service itself acted on.
 */
@RestController
@Tag(name = "Audit", description = "Read from the event store itself: a device's history, its state at an instant,"
        + " the event export")
class DeviceAuditController {

    static final String MACHINE_ID = "The machine id: 1 to 128 letters, digits, '.', '_' or '-'";
    static final String INSTANT = "An ISO-8601 instant with its offset, e.g. 2026-03-02T09:15:00Z or"
            + " 2026-03-02T10:15:00+01:00 (send '+' as %2B)";

    private final DeviceHistory history;
    private final RequestOriginResolver origin;

    DeviceAuditController(DeviceHistory history, RequestOriginResolver origin) {
        this.history = history;
        this.origin = origin;
    }

    @GetMapping("/api/machines/{id}/history")
    @Operation(summary = "A device's history",
            description = "Every stored event of the device, in sequence order, with who asked, through what and"
                    + " the request id: the payload at its current revision, and as stored when that differs."
                    + " Takes no query parameters.")
    @ApiResponse(responseCode = "200", description = "The events, in {\"machineId\", \"value\": [...]}",
            content = @Content(schema = @Schema(implementation = HistoryJson.class)))
    @ApiResponse(responseCode = "400", description = "Invalid machine id, or a query parameter (InvalidInput)")
    @ApiResponse(responseCode = "404", description = "The machine has no events, or is outside the caller's device"
            + " groups (ResourceNotFound)")
    HistoryJson history(@Parameter(description = MACHINE_ID) @PathVariable String id,
                        @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        String machineId = RequestRules.machineId(id);
        QueryParameters.of(query, Set.of());
        return history.history(machineId, origin.scope());
    }

    @GetMapping("/api/machines/{id}/state")
    @Operation(summary = "A device's state at an instant",
            description = "Its events replayed up to and including the last one recorded at or before 'at': its"
                    + " isolation state and scope, and the action that was open then.")
    @Parameter(name = "at", in = ParameterIn.QUERY, required = true, description = INSTANT,
            schema = @Schema(type = "string", format = "date-time"))
    @ApiResponse(responseCode = "200", description = "The state at 'at'",
            content = @Content(schema = @Schema(implementation = DeviceStateJson.class)))
    @ApiResponse(responseCode = "400", description = "Invalid machine id, 'at' missing (MissingRequiredParameter),"
            + " not an instant with its offset, or another query parameter (InvalidInput)")
    @ApiResponse(responseCode = "404", description = "The machine had no events yet at 'at', or is outside the"
            + " caller's device groups (ResourceNotFound)")
    DeviceStateJson state(@Parameter(description = MACHINE_ID) @PathVariable String id,
                          @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        String machineId = RequestRules.machineId(id);
        return history.stateAt(machineId, QueryParameters.of(query, Set.of("at")).requiredInstant("at"),
                origin.scope());
    }
}
