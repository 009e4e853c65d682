package dev.cordon.query.timeline;

import dev.cordon.query.machine.MachineController;
import dev.cordon.query.machine.MachineRepository;
import dev.cordon.service.security.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The device timeline: {@code GET /api/machines/{id}/timeline}, oldest event first. */
@RestController
@Tag(name = "Devices")
public class TimelineController {

    private final TimelineRepository timeline;
    private final MachineRepository machines;

    public TimelineController(TimelineRepository timeline, MachineRepository machines) {
        this.timeline = timeline;
        this.machines = machines;
    }

    @GetMapping("/api/machines/{id}/timeline")
    @Operation(summary = "A device's timeline",
            description = "Everything that happened to the device, oldest first: registrations, requests, outcomes,"
                    + " cancellations, timeouts, tag and device group changes.")
    @ApiResponse(responseCode = "200", description = "The timeline")
    @ApiResponse(responseCode = "404", description = "No such device, or not in a device group the caller covers"
            + " (ResourceNotFound)")
    public TimelineJson get(@Parameter(description = "The machine id") @PathVariable String id,
                            @Parameter(hidden = true) Authentication caller) {
        if (!machines.exists(id, CallerIdentity.scopeOf(caller))) {
            throw MachineController.notFound(id);
        }
        return new TimelineJson(id, timeline.findByDevice(id).stream().map(TimelineEntryJson::of).toList());
    }
}
