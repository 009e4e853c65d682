package dev.cordon.query.machine;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.query.odata.ODataQuery;
import dev.cordon.query.web.ApiException;
import dev.cordon.query.web.ODataCollection;
import dev.cordon.query.web.ODataContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Devices: {@code GET /api/machines[/{id}]}. */
@RestController
public class MachineController {

    private final MachineRepository machines;

    public MachineController(MachineRepository machines) {
        this.machines = machines;
    }

    @GetMapping("/api/machines")
    public ODataCollection<MachineJson> list(
            @RequestParam(name = "$filter", required = false) String filter,
            @RequestParam(name = "$top", required = false) String top,
            @RequestParam(name = "$skip", required = false) String skip) {
        ODataQuery query = ODataQuery.parse(filter, top, skip, MachineFilter.SCHEMA);
        return new ODataCollection<>(ODataContext.of("Machines"),
                machines.find(query).stream().map(view -> MachineJson.of(view, null)).toList());
    }

    @GetMapping("/api/machines/{id}")
    public MachineJson get(@PathVariable String id) {
        return machines.findById(id)
                .map(view -> MachineJson.of(view, ODataContext.of("Machines/$entity")))
                .orElseThrow(() -> notFound(id));
    }

    public static ApiException notFound(String id) {
        return new ApiException(ErrorCode.ResourceNotFound, "Machine " + id + " was not found");
    }
}
