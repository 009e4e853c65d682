package dev.cordon.command.audit;

import dev.cordon.command.api.RequestRules;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroupIndex;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.service.request.RequestIds;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import dev.cordon.events.kafka.EventJson;
import dev.cordon.service.security.DeviceScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/events?from=&to=&machineId=}: every stored event in a time range as NDJSON, for a SIEM.
 * Written on the request thread straight to the response, so a long export is not cut by an async timeout.
 */
@RestController
@Tag(name = "Audit")
class AuditExportController {

    static final String NDJSON = "application/x-ndjson";

    private static final Logger log = LoggerFactory.getLogger(AuditExportController.class);

    private final EventExport export;
    private final StoredEvents store;
    private final DeviceGroupIndex groups;
    private final RequestOriginResolver origin;

    AuditExportController(EventExport export, StoredEvents store, DeviceGroupIndex groups,
                          RequestOriginResolver origin) {
        this.export = export;
        this.store = store;
        this.groups = groups;
        this.origin = origin;
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "Export the events of a time range",
            description = "Every stored event in [from, to) as NDJSON, in the order stored: one CloudEvents document"
                    + " per line, as the Kafka publisher sends it, at the event's current revision. Consecutive"
                    + " ranges neither miss nor repeat an event. Should the export fail once lines were sent, its"
                    + " last line is the public error JSON instead of an event. The events of devices outside the"
                    + " caller's device groups (their current group) are left out.")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Inclusive; unset: from the first event. "
            + DeviceAuditController.INSTANT, schema = @Schema(type = "string", format = "date-time"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Exclusive; unset: the moment the export starts. "
            + DeviceAuditController.INSTANT, schema = @Schema(type = "string", format = "date-time"))
    @Parameter(name = "machineId", in = ParameterIn.QUERY, description = "Only this device's events. "
            + DeviceAuditController.MACHINE_ID, schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "One CloudEvents JSON document per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "A parameter that is not an instant with its offset, 'from'"
            + " not before 'to', an invalid machine id, or an unknown query parameter (InvalidInput)")
    @ApiResponse(responseCode = "404", description = "machineId names a machine with no events, or one outside the"
            + " caller's device groups (ResourceNotFound)")
    void events(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        QueryParameters parameters = QueryParameters.of(query, Set.of("from", "to", "machineId"));
        Instant from = parameters.instant("from");
        Instant to = parameters.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    "from (" + from + ") must be before to (" + to + "); from is inclusive, to exclusive.");
        }
        String machineId = parameters.text("machineId");
        DeviceScope scope = origin.scope();
        if (machineId != null) {
            RequestRules.machineId(machineId);
            if (!store.exists(machineId) || !groups.covers(scope, machineId)) {
                throw RuleViolationException.unknownMachine(machineId);
            }
        }
        response.setContentType(NDJSON);
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        long written = 0;
        try {
            written = export.write(from, to, machineId, scope, out);
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                throw e; // nothing sent yet: answered as the usual error JSON
            }
            failMidway(e, http, out);
            return;
        }
        log.info("Exported {} events (from {}, to {}, machine {})", written, from, to, machineId);
    }

    /**
     * Part of the export is already with the client: the status cannot change any more. The last line then is the
     * public error JSON instead of an event, so that a reader can tell a cut export from a complete one.
     */
    private static void failMidway(RuntimeException e, HttpServletRequest http, OutputStream out) {
        String target = RequestIds.of(http);
        if (e instanceof UncheckedIOException) {
            // The client went away (a SIEM loader stopped reading): nobody to tell, and nothing failed here.
            log.info("Export ended early: the client closed the connection (request {})", target);
            return;
        }
        log.error("Export failed after it started (request {})", target, e);
        try {
            out.write(EventJson.newMapper().writeValueAsString(ErrorResponse.of(ErrorCode.InternalServerError,
                    "The export failed before it was complete; quote the request id " + target + ".", target))
                    .getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (IOException | UncheckedIOException ignored) {
            // the connection is gone as well
        }
    }
}
