package dev.cordon.query.machine;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.query.odata.ODataQuery;
import dev.cordon.query.web.ODataCollection;
import dev.cordon.service.error.ApiException;
import dev.cordon.service.odata.ODataContext;
import dev.cordon.service.security.CallerIdentity;
import dev.cordon.service.security.DeviceScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Devices: {@code GET /api/machines[/{id}]}. */
@RestController
@Tag(name = "Devices", description = "Registered devices and their isolation state")
public class MachineController {

    private final MachineRepository machines;

    /** How many of the devices sharing a name the refusal lists. */
    static final int AMBIGUOUS_SHOWN = 10;

    public MachineController(MachineRepository machines) {
        this.machines = machines;
    }

    /** Every query parameter, so that an unknown or wrongly cased {@code $} option is rejected, not ignored. */
    @GetMapping("/api/machines")
    @Operation(summary = "List devices",
            description = "By id unless $orderby says otherwise. Unknown or wrongly cased $ options are rejected, not"
                    + " ignored. The query options are listed below.")
    @ApiResponse(responseCode = "200", description = "The devices, in {\"@odata.context\", \"value\": [...]}")
    @ApiResponse(responseCode = "400", description = "An invalid query option or $filter (ODataError), or a"
            + " query string that cannot be decoded (InvalidInput)")
    public ODataCollection<MachineJson> list(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) Authentication caller) {
        ODataQuery query = ODataQuery.parse(parameters, MachineFilter.SCHEMA, MachineFilter.ORDERINGS);
        return new ODataCollection<>(ODataContext.of("Machines"),
                machines.entities(query, CallerIdentity.scopeOf(caller)).stream().map(entity -> MachineJson.of(entity, null)).toList());
    }

    @GetMapping("/api/machines/{id}")
    @Operation(summary = "Get a device", description = "Its details, isolation state and pending action. By machine"
            + " id or, as Defender documents, by computer name (computerDnsName, case-insensitive).")
    @ApiResponse(responseCode = "200", description = "The device")
    @ApiResponse(responseCode = "400", description = "A computer name that more than one device has: the message"
            + " names their machine ids (InvalidInput)")
    @ApiResponse(responseCode = "404", description = "No such device, or not in a device group the caller covers"
            + " (ResourceNotFound)")
    public MachineJson get(@Parameter(description = "The machine id or the computer name") @PathVariable String id,
                           @Parameter(hidden = true) Authentication caller) {
        DeviceScope scope = CallerIdentity.scopeOf(caller);
        return machines.entityById(id, scope).or(() -> byName(id, scope))
                .map(entity -> MachineJson.of(entity, ODataContext.of("Machines/$entity")))
                .orElseThrow(() -> notFound(id));
    }

    /** One device of that name in the caller's groups, or none; never a guess between several. */
    private Optional<MachineRepository.Entity> byName(String name, DeviceScope scope) {
        List<MachineRepository.Entity> named = machines.entitiesNamed(name, AMBIGUOUS_SHOWN + 1, scope);
        if (named.size() > 1) {
            List<String> ids = named.stream().limit(AMBIGUOUS_SHOWN).map(entity -> entity.view().id()).toList();
            throw new ApiException(ErrorCode.InvalidInput, "More than one device is named '" + name
                    + "': use the machine id of one of " + String.join(", ", ids)
                    + (named.size() > AMBIGUOUS_SHOWN ? " (and more)" : ""));
        }
        return named.stream().findFirst();
    }

    /**
     * The one answer for a device that does not exist and for one outside the caller's groups, so that the answer
     * does not tell them apart.
     */
    public static ApiException notFound(String id) {
        return new ApiException(ErrorCode.ResourceNotFound, "Machine " + id + " was not found");
    }
}
