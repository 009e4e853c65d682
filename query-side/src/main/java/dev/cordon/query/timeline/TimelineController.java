package dev.cordon.query.timeline;

import dev.cordon.query.machine.MachineController;
import dev.cordon.query.machine.MachineRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The device timeline: {@code GET /api/machines/{id}/timeline}, oldest event first. */
@RestController
public class TimelineController {

    private final TimelineRepository timeline;
    private final MachineRepository machines;

    public TimelineController(TimelineRepository timeline, MachineRepository machines) {
        this.timeline = timeline;
        this.machines = machines;
    }

    @GetMapping("/api/machines/{id}/timeline")
    public TimelineJson get(@PathVariable String id) {
        if (!machines.exists(id)) {
            throw MachineController.notFound(id);
        }
        return new TimelineJson(id, timeline.findByDevice(id).stream().map(TimelineEntryJson::of).toList());
    }
}
