package dev.cordon.command.audit;

import dev.cordon.command.api.RequestRules;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.web.CorrelationIdFilter;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.events.error.ErrorResponse;
import dev.cordon.events.kafka.EventJson;
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
class AuditExportController {

    static final String NDJSON = "application/x-ndjson";

    private static final Logger log = LoggerFactory.getLogger(AuditExportController.class);

    private final EventExport export;
    private final StoredEvents store;

    AuditExportController(EventExport export, StoredEvents store) {
        this.export = export;
        this.store = store;
    }

    @GetMapping("/api/audit/events")
    void events(@RequestParam MultiValueMap<String, String> query, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        QueryParameters parameters = QueryParameters.of(query, Set.of("from", "to", "machineId"));
        Instant from = parameters.instant("from");
        Instant to = parameters.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    "from (" + from + ") must be before to (" + to + "); from is inclusive, to exclusive.");
        }
        String machineId = parameters.text("machineId");
        if (machineId != null) {
            RequestRules.machineId(machineId);
            if (!store.exists(machineId)) {
                throw new RuleViolationException(ErrorCode.ResourceNotFound, "Machine " + machineId
                        + " was not found.");
            }
        }
        response.setContentType(NDJSON);
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        long written = 0;
        try {
            written = export.write(from, to, machineId, out);
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
        String target = CorrelationIdFilter.of(http);
        log.error("Export failed after it started (request {})", target, e);
        if (e instanceof UncheckedIOException) {
            return; // the client went away: nobody to tell
        }
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
