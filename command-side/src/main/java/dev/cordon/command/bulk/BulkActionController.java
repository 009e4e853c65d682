package dev.cordon.command.bulk;

import dev.cordon.command.api.CommandSender;
import dev.cordon.command.api.RequestRules;
import dev.cordon.command.device.ActionRequest;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.apidoc.PublicErrorResponses;
import dev.cordon.service.request.RequestIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One request, many devices: the bulk is stored with its targets and answered 202 at once; each target then gets its
 * own machine action in the background (BulkDispatcher), under the single isolate's rules. Served by the command side
 * from its own tables, so the 202 and every read after it show what was stored (decision 0017).
 */
@RestController
@Tag(name = "Bulk actions", description = "Isolate or release many devices with one request")
class BulkActionController {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String BULK_ID = "The bulk action id, a GUID";

    private final CommandSender commands;
    private final RequestOriginResolver origin;
    private final BulkTargetResolver resolver;
    private final QuerySideMachines machines;
    private final BulkActionViews views;
    private final BulkDispatcher dispatcher;

    BulkActionController(CommandSender commands, RequestOriginResolver origin, BulkTargetResolver resolver,
                         QuerySideMachines machines, BulkActionViews views, BulkDispatcher dispatcher) {
        this.commands = commands;
        this.origin = origin;
        this.resolver = resolver;
        this.machines = machines;
        this.views = views;
        this.dispatcher = dispatcher;
    }

    @PostMapping(path = "/api/bulkactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Isolate or release many devices",
            description = "Takes the targets (MachineIds, or a Filter of GET /api/machines) and answers at once; each"
                    + " device then gets its own machine action, under the rules of a single isolate or release,"
                    + " carrying the bulk's id. A device the rules refuse is listed with its error code and message."
                    + " Counts once against the caller's rate limit.")
    @ApiResponse(responseCode = "202", description = "The bulk action, Dispatching (Dispatched at once when every"
            + " target was refused); Location names it",
            content = @Content(schema = @Schema(implementation = BulkActionResponse.class)),
            headers = @Header(name = HttpHeaders.LOCATION, description = "/api/bulkactions/{id}",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Invalid body: Action, Comment or IsolationType, neither or both"
            + " of MachineIds and Filter, an invalid machine id, more than 10,000 targets, or an invalid Filter (the"
            + " device list's own error, ODataError)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    @ApiResponse(responseCode = "503", description = "A Filter was sent and the device list that resolves it is not"
            + " answering (ServiceUnavailable, with Retry-After)")
    ResponseEntity<BulkActionResponse> request(@RequestBody BulkActionRequest body, HttpServletRequest http) {
        ActionType action = action(body.action());
        String comment = RequestRules.comment(body.comment());
        IsolationType type = isolationType(action, body.isolationType());
        String externalId = RequestRules.optional("ExternalID", body.externalId(), 255);
        String filter = body.filter() == null ? null : RequestRules.optional("Filter", body.filter(), 4000);
        if ((body.machineIds() == null) == (filter == null)) {
            throw new RuleViolationException(ErrorCode.InvalidInput, "Send either MachineIds or Filter (exactly one"
                    + " of them).");
        }
        String requestId = RequestIds.serverId(http);
        BulkTargetResolver.Targets targets = filter != null
                ? new BulkTargetResolver.Targets(machines.idsMatching(filter, http.getHeader(HttpHeaders.AUTHORIZATION),
                        requestId, BulkLimits.MAX_TARGETS), List.of())
                : resolver.resolve(machineIds(body.machineIds()), origin.scope());
        ActionRequest request = origin.actionRequest(comment, externalId);
        String bulkId = UUID.randomUUID().toString();
        commands.send(new RequestBulkActionCommand(bulkId, action, type, filter, targets.machineIds(),
                targets.refused(), request, origin.scope(), requestId, RequestIds.callerId(http)), http,
                request.requestor(), request.requestSource());
        // The answer is the bulk as stored, read before its dispatch begins: the same for every request, never a
        // snapshot of a race with the dispatcher. GET /api/bulkactions/{id} follows the dispatch.
        BulkActionResponse accepted = views.view(views.require(bulkId, origin.scope()), BulkLimits.DEFAULT_TOP, 0);
        if (!targets.machineIds().isEmpty()) {
            dispatcher.start(bulkId);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/bulkactions/" + bulkId))
                .body(accepted);
    }

    @GetMapping("/api/bulkactions/{id}")
    @Operation(summary = "Get a bulk action",
            description = "The request, its status, the counts (targeted, accepted, refused by code, and the actions"
                    + " by status), every refusal, and a page of its machine actions.")
    @ApiResponse(responseCode = "200", description = "The bulk action")
    @ApiResponse(responseCode = "400", description = "An id that is no GUID, or an invalid $top or $skip"
            + " (InvalidInput)")
    @ApiResponse(responseCode = "404", description = "No such bulk action, or one requested by a caller whose device"
            + " groups the caller's do not cover (ResourceNotFound)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    BulkActionResponse get(@Parameter(description = BULK_ID) @PathVariable String id,
                           @Parameter(description = "How many actions (1 to 10000, default 100)")
                           @RequestParam(name = "$top", required = false) String top,
                           @Parameter(description = "How many actions to skip (default 0)")
                           @RequestParam(name = "$skip", required = false) String skip) {
        int pageSize = number("$top", top, BulkLimits.DEFAULT_TOP, 1, BulkLimits.MAX_TARGETS);
        int skipped = number("$skip", skip, 0, 0, Integer.MAX_VALUE);
        return views.view(views.require(bulkId(id), origin.scope()), pageSize, skipped);
    }

    @PostMapping(path = "/api/bulkactions/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a bulk action",
            description = "Stops the dispatch (no further device gets an action) and cancels every open action of"
                    + " the bulk, each as a single cancel does; actions that already ended stay as they ended.")
    @ApiResponse(responseCode = "200", description = "The bulk action, Cancelled")
    @ApiResponse(responseCode = "400", description = "Invalid id or body, or the bulk is already cancelled"
            + " (InvalidActionState)")
    @ApiResponse(responseCode = "404", description = "No such bulk action, or one requested by a caller whose device"
            + " groups the caller's do not cover (ResourceNotFound)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    BulkActionResponse cancel(@Parameter(description = BULK_ID) @PathVariable String id,
                              @RequestBody CancelBulkActionRequest body, HttpServletRequest http) {
        String bulkId = bulkId(id);
        String comment = RequestRules.comment(body.comment());
        BulkActionRow bulk = views.require(bulkId, origin.scope());
        ActionRequest request = origin.actionRequest(comment, null);
        commands.send(new CancelBulkActionCommand(bulkId, request.requestor(), comment, request.requestedAt()), http,
                request.requestor(), request.requestSource());
        dispatcher.cancelOpenActions(bulk, request, RequestIds.serverId(http), RequestIds.callerId(http));
        return views.view(views.require(bulkId, origin.scope()), BulkLimits.DEFAULT_TOP, 0);
    }

    private static ActionType action(String value) {
        if (value == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter,
                    "Action is required: Isolate or Unisolate (property names are case-sensitive: 'Action').");
        }
        return RequestRules.enumValue("Action", value, ActionType.class);
    }

    private static IsolationType isolationType(ActionType action, String value) {
        if (action == ActionType.Unisolate) {
            if (value != null) {
                throw new RuleViolationException(ErrorCode.InvalidInput,
                        "IsolationType is for Isolate only; a release has none.");
            }
            return null;
        }
        return RequestRules.isolationType(value);
    }

    /** Each id as the single isolate checks it, named by its place; duplicates count once. */
    private static List<String> machineIds(List<String> sent) {
        if (sent.isEmpty()) {
            throw new RuleViolationException(ErrorCode.InvalidInput, "MachineIds must name at least one device.");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                ids.add(RequestRules.machineId(sent.get(i)));
            } catch (RuleViolationException e) {
                throw new RuleViolationException(e.code(), "MachineIds[" + i + "]: " + e.getMessage());
            }
        }
        if (ids.size() > BulkLimits.MAX_TARGETS) {
            throw new RuleViolationException(ErrorCode.InvalidInput, "MachineIds names " + ids.size()
                    + " devices; a bulk action takes at most " + BulkLimits.MAX_TARGETS + ": send several.");
        }
        return new ArrayList<>(ids);
    }

    private static String bulkId(String id) {
        if (id == null || !GUID.matcher(id).matches()) {
            throw new RuleViolationException(ErrorCode.InvalidInput, "Bulk action id must be a GUID.");
        }
        return id.toLowerCase();
    }

    private static int number(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new RuleViolationException(ErrorCode.InvalidInput, name + " must be a whole number from " + min
                + " to " + max + ", was '" + value + "'.");
    }
}
