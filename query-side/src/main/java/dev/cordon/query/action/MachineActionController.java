package dev.cordon.query.action;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.query.odata.ODataQuery;
import dev.cordon.service.apidoc.PublicErrorResponses;
import dev.cordon.service.error.ApiException;
import dev.cordon.query.web.ODataCollection;
import dev.cordon.service.odata.ODataContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Action center: {@code GET /api/machineactions[/{id}]}. */
@RestController
@Tag(name = "Action center", description = "Machine actions: isolations and releases, and how each went")
public class MachineActionController {

    private final MachineActionRepository actions;
    private final EventStoreActionLookup eventStore;

    public MachineActionController(MachineActionRepository actions, EventStoreActionLookup eventStore) {
        this.actions = actions;
        this.eventStore = eventStore;
    }

    /** Every query parameter, so that an unknown or wrongly cased {@code $} option is rejected, not ignored. */
    @GetMapping("/api/machineactions")
    @Operation(summary = "List machine actions",
            description = "Newest first unless $orderby says otherwise. Unknown or wrongly cased $ options are"
                    + " rejected, not ignored. The query options are listed below.")
    @ApiResponse(responseCode = "200", description = "The actions, in {\"@odata.context\", \"value\": [...]}")
    @ApiResponse(responseCode = "400", description = "An invalid query option or $filter (ODataError), or a"
            + " query string that cannot be decoded (InvalidInput)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    public ODataCollection<MachineActionJson> list(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        ODataQuery query = ODataQuery.parse(parameters, MachineActionFilter.SCHEMA, MachineActionFilter.ORDERINGS);
        return new ODataCollection<>(ODataContext.of("MachineActions"),
                actions.find(query).stream().map(view -> MachineActionJson.of(view, null)).toList());
    }

    /** Falls back to the event store so that an action just created is never answered 404 while the projection lags. */
    @GetMapping("/api/machineactions/{id}")
    @Operation(summary = "Get a machine action",
            description = "Also an action created a moment ago that the read model does not have yet: it is then"
                    + " read from the event store.")
    @ApiResponse(responseCode = "200", description = "The action")
    @ApiResponse(responseCode = "404", description = "No such action (ResourceNotFound)")
    @ApiResponse(responseCode = "503", description = "Not in the read model yet, and the event store did not answer;"
            + " try again in a second (ServiceUnavailable, with Retry-After)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    public MachineActionJson get(@Parameter(description = "The action id, a GUID (any case)") @PathVariable String id) {
        String actionId = ActionIds.normalise(id);
        MachineActionView view = actions.findById(actionId)
                .or(() -> eventStore.find(actionId))
                .orElseThrow(() -> new ApiException(ErrorCode.ResourceNotFound, "Action " + id + " was not found"));
        return MachineActionJson.of(view, ODataContext.of("MachineActions/$entity"));
    }
}
