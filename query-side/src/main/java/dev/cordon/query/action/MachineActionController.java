package dev.cordon.query.action;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.query.odata.ODataQuery;
import dev.cordon.query.web.ApiException;
import dev.cordon.query.web.ODataCollection;
import dev.cordon.query.web.ODataContext;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Action center: {@code GET /api/machineactions[/{id}]}. */
@RestController
public class MachineActionController {

    private final MachineActionRepository actions;
    private final EventStoreActionLookup eventStore;

    public MachineActionController(MachineActionRepository actions, EventStoreActionLookup eventStore) {
        this.actions = actions;
        this.eventStore = eventStore;
    }

    /** Every query parameter, so that an unknown or wrongly cased {@code $} option is rejected, not ignored. */
    @GetMapping("/api/machineactions")
    public ODataCollection<MachineActionJson> list(@RequestParam MultiValueMap<String, String> parameters) {
        ODataQuery query = ODataQuery.parse(parameters, MachineActionFilter.SCHEMA, MachineActionFilter.ORDERINGS);
        return new ODataCollection<>(ODataContext.of("MachineActions"),
                actions.find(query).stream().map(view -> MachineActionJson.of(view, null)).toList());
    }

    /** Falls back to the event store so that an action just created is never answered 404 while the projection lags. */
    @GetMapping("/api/machineactions/{id}")
    public MachineActionJson get(@PathVariable String id) {
        String actionId = ActionIds.normalise(id);
        MachineActionView view = actions.findById(actionId)
                .or(() -> eventStore.find(actionId))
                .orElseThrow(() -> new ApiException(ErrorCode.ResourceNotFound, "Action " + id + " was not found"));
        return MachineActionJson.of(view, ODataContext.of("MachineActions/$entity"));
    }
}
