package dev.cordon.query.isolation;

import dev.cordon.events.eligibility.EligibilityTable;
import dev.cordon.query.machine.MachineController;
import dev.cordon.query.machine.MachineRepository;
import dev.cordon.service.odata.ODataContext;
import dev.cordon.service.security.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/machines/{id}/isolationoptions}: which isolation types the device's reported OS supports, for
 * an isolate dialog. Advisory: the command side judges the request itself, with the same table and words.
 */
@RestController
@Tag(name = "Devices")
public class IsolationOptionsController {

    private final MachineRepository machines;
    private final EligibilityTable eligibility;

    public IsolationOptionsController(MachineRepository machines, EligibilityTable eligibility) {
        this.machines = machines;
        this.eligibility = eligibility;
    }

    @GetMapping("/api/machines/{id}/isolationoptions")
    @Operation(summary = "A device's isolation options",
            description = "Full, then Selective: whether the device's reported OS platform and build support each,"
                    + " the command side's refusal message if not, and the applications each keeps connected."
                    + " liveResponse is true for platforms isolated through live response instead (macOS, Linux)."
                    + " Advisory: POST /api/machines/{id}/isolate decides.")
    @ApiResponse(responseCode = "200", description = "The options")
    @ApiResponse(responseCode = "404", description = "No such device, or not in a device group the caller covers"
            + " (ResourceNotFound)")
    public IsolationOptionsJson get(@Parameter(description = "The machine id") @PathVariable String id,
                                    @Parameter(hidden = true) Authentication caller) {
        return machines.findById(id, CallerIdentity.scopeOf(caller))
                .map(view -> IsolationOptionsJson.of(view, eligibility, ODataContext.of("IsolationOptions/$entity")))
                .orElseThrow(() -> MachineController.notFound(id));
    }
}
