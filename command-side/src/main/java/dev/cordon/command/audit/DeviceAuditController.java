package dev.cordon.command.audit;

import dev.cordon.command.api.RequestRules;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who did what to a device, and how it stood at a given instant: answered from the event store, never from a
 * projection, so an auditor sees what the service itself acted on.
 */
@RestController
class DeviceAuditController {

    private final DeviceHistory history;

    DeviceAuditController(DeviceHistory history) {
        this.history = history;
    }

    @GetMapping("/api/machines/{id}/history")
    HistoryJson history(@PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        String machineId = RequestRules.machineId(id);
        QueryParameters.of(query, Set.of());
        return history.history(machineId);
    }

    @GetMapping("/api/machines/{id}/state")
    DeviceStateJson state(@PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        String machineId = RequestRules.machineId(id);
        return history.stateAt(machineId, QueryParameters.of(query, Set.of("at")).requiredInstant("at"));
    }
}
