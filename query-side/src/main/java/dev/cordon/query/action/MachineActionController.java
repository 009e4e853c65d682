package dev.cordon.query.action;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.query.machine.MachineRepository;
import dev.cordon.query.odata.ODataQuery;
import dev.cordon.service.apidoc.PublicErrorResponses;
import dev.cordon.service.error.ApiException;
import dev.cordon.query.web.ODataCollection;
import dev.cordon.service.odata.ODataContext;
import dev.cordon.service.security.CallerIdentity;
import dev.cordon.service.security.DeviceScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
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
    private final MachineRepository machines;

    public MachineActionController(MachineActionRepository actions, EventStoreActionLookup eventStore,
                                   MachineRepository machines) {
        this.actions = actions;
        this.eventStore = eventStore;
        this.machines = machines;
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
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) Authentication caller) {
        ODataQuery query = ODataQuery.parse(parameters, MachineActionFilter.SCHEMA, MachineActionFilter.ORDERINGS);
        return new ODataCollection<>(ODataContext.of("MachineActions"),
                actions.find(query, CallerIdentity.scopeOf(caller)).stream().map(view -> MachineActionJson.of(view, null)).toList());
    }

    /**
     * Falls back to the event store so that an action just created is never answered 404 while the projection lags.
     * Found either way, it is still 404, with the same message, if its device is outside the caller's groups: only
     * the read model knows the device's group, which is why the fallback is not a query of the scope.
     */
    @GetMapping("/api/machineactions/{id}")
    @Operation(summary = "Get a machine action",
            description = "Also an action created a moment ago that the read model does not have yet: it is then"
                    + " read from the event store.")
    @ApiResponse(responseCode = "200", description = "The action")
    @ApiResponse(responseCode = "404", description = "No such action, or its device is not in a device group the"
            + " caller covers (ResourceNotFound)")
    @ApiResponse(responseCode = "503", description = "Not in the read model yet, and the event store did not answer;"
            + " try again in a second (ServiceUnavailable, with Retry-After)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    public MachineActionJson get(@Parameter(description = "The action id, a GUID (any case)") @PathVariable String id,
                                 @Parameter(hidden = true) Authentication caller) {
        String actionId = ActionIds.normalise(id);
        DeviceScope scope = CallerIdentity.scopeOf(caller);
        MachineActionView view = actions.findById(actionId)
                .or(() -> eventStore.find(actionId))
                .filter(action -> machines.covers(scope, action.machineId()))
                .orElseThrow(() -> new ApiException(ErrorCode.ResourceNotFound, "Action " + id + " was not found"));
        return MachineActionJson.of(view, ODataContext.of("MachineActions/$entity"));
    }
}
