package dev.cordon.query.action;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.query.odata.ODataQuery;
import dev.cordon.query.web.ApiException;
import dev.cordon.query.web.ODataCollection;
import dev.cordon.query.web.ODataContext;
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

    @GetMapping("/api/machineactions")
    public ODataCollection<MachineActionJson> list(
            @RequestParam(name = "$filter", required = false) String filter,
            @RequestParam(name = "$top", required = false) String top,
            @RequestParam(name = "$skip", required = false) String skip) {
        ODataQuery query = ODataQuery.parse(filter, top, skip, MachineActionFilter.SCHEMA);
        return new ODataCollection<>(ODataContext.of("MachineActions"),
                actions.find(query).stream().map(view -> MachineActionJson.of(view, null)).toList());
    }

    /** Falls back to the event store so that an action just created is never answered 404 while the projection lags. */
    @GetMapping("/api/machineactions/{id}")
    public MachineActionJson get(@PathVariable String id) {
        MachineActionView view = actions.findById(id)
                .or(() -> eventStore.find(id))
                .orElseThrow(() -> new ApiException(ErrorCode.ResourceNotFound, "Action " + id + " was not found"));
        return MachineActionJson.of(view, ODataContext.of("MachineActions/$entity"));
    }
}
