package dev.cordon.query.machine;

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

/** Devices: {@code GET /api/machines[/{id}]}. */
@RestController
public class MachineController {

    private final MachineRepository machines;

    public MachineController(MachineRepository machines) {
        this.machines = machines;
    }

    /** Every query parameter, so that an unknown or wrongly cased {@code $} option is rejected, not ignored. */
    @GetMapping("/api/machines")
    public ODataCollection<MachineJson> list(@RequestParam MultiValueMap<String, String> parameters) {
        ODataQuery query = ODataQuery.parse(parameters, MachineFilter.SCHEMA, MachineFilter.ORDERINGS);
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
