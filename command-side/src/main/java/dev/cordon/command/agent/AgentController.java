package dev.cordon.command.agent;

import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.api.MachineActionResponse;
import dev.cordon.command.api.MachineActions;
import dev.cordon.command.api.ODataContext;
import dev.cordon.command.api.RequestRules;
import dev.cordon.command.web.CorrelationIdFilter;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.command.device.AgentReportedStatus;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.events.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device agent's side: an isolated device stays connected to the service, polls for its open actions
 * and reports how each went.
 */
@RestController
class AgentController {

    private final AgentReports reports;
    private final MachineActions actions;
    private final ActionIndex index;
    private final KnownDevices devices;
    private final RequestOriginResolver origin;

    AgentController(AgentReports reports, MachineActions actions, ActionIndex index, KnownDevices devices,
                    RequestOriginResolver origin) {
        this.reports = reports;
        this.origin = origin;
        this.actions = actions;
        this.index = index;
        this.devices = devices;
    }

    @GetMapping("/api/agent/machines/{id}/pendingactions")
    Map<String, List<MachineActionResponse>> pendingActions(@PathVariable String id) {
        RequestRules.machineId(id);
        if (!devices.exists(id)) {
            throw new RuleViolationException(ErrorCode.ResourceNotFound, "Machine " + id + " was not found.");
        }
        return Map.of("value", index.openActionsOf(id).stream()
                .map(a -> MachineActionResponse.of(a, null)).toList());
    }

    @PostMapping(path = "/api/agent/machineactions/{actionId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    MachineActionResponse report(@PathVariable String actionId, @RequestBody AgentStatusReport body,
                                 HttpServletRequest http) {
        if (body.status() == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter, "status is required.");
        }
        AgentReportedStatus status = RequestRules.enumValue("status", body.status(), AgentReportedStatus.class);
        String id = RequestRules.actionId(actionId);
        ActionRecord action = actions.require(id);
        int hresult = body.errorHResult() == null ? 0 : body.errorHResult();
        // Agents authenticate like every other caller (or not yet): the device id is not proof of who reported.
        reports.report(action, status, hresult, CorrelationIdFilter.of(http), origin.requestor(http));
        return MachineActionResponse.of(actions.require(id), ODataContext.actionEntity());
    }
}
