package dev.cordon.command.agent;

import dev.cordon.command.action.ActionIndex;
import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.api.MachineActionResponse;
import dev.cordon.command.api.MachineActions;
import dev.cordon.command.agent.presence.IpAddresses;
import dev.cordon.command.agent.presence.PresenceRecorder;
import dev.cordon.command.api.RequestRules;
import dev.cordon.command.device.AgentReportedStatus;
import dev.cordon.command.device.ReportActionStatusCommand;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.metrics.CountedCommand;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.apidoc.PublicErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device agent's side: an isolated device stays connected to the service, polls for its open actions
 * and reports how each went.
 */
@RestController
@Tag(name = "Device agent", description = "Used by the agent on the device: its open actions, and how each went")
class AgentController {

    private final AgentReports reports;
    private final MachineActions actions;
    private final ActionIndex index;
    private final KnownDevices devices;
    private final RequestOriginResolver origin;

    private final PresenceRecorder presence;

    AgentController(AgentReports reports, MachineActions actions, ActionIndex index, KnownDevices devices,
                    RequestOriginResolver origin, PresenceRecorder presence) {
        this.reports = reports;
        this.presence = presence;
        this.origin = origin;
        this.actions = actions;
        this.index = index;
        this.devices = devices;
    }

    @GetMapping("/api/agent/machines/{id}/pendingactions")
    @Operation(summary = "The device's open actions",
            description = "Polled by the device's agent (an isolated device stays connected to this service):"
                    + " its Pending and InProgress actions, oldest first. Each poll is also the device's presence:"
                    + " the machine entity's lastSeen, lastIpAddress (as the agent reports it) and"
                    + " lastExternalIpAddress (where it polled from), without an event in its history.")
    @ApiResponse(responseCode = "200", description = "The open actions, in {\"value\": [...]}",
            content = @Content(schema = @Schema(implementation = PendingActions.class)))
    @ApiResponse(responseCode = "400", description = "Invalid machine id or ipAddress (InvalidInput)")
    @ApiResponse(responseCode = "404", description = "The machine is not registered (ResourceNotFound)")
    @ApiResponse(responseCode = "403", description = "The token is another machine's agent's (Forbidden)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    PendingActions pendingActions(@Parameter(description = "The machine id") @PathVariable String id,
            @Parameter(description = "The device's own IP address, as its agent sees it (IPv4 or IPv6)")
            @RequestParam(name = "ipAddress", required = false) String ipAddress,
            HttpServletRequest request) {
        RequestRules.machineId(id);
        requireOwnMachine(id);
        String reported = IpAddresses.literal("ipAddress", ipAddress);
        if (!devices.exists(id)) {
            throw RuleViolationException.unknownMachine(id);
        }
        presence.seen(id, reported, request.getRemoteAddr());
        return new PendingActions(index.openActionsOf(id).stream()
                .map(a -> MachineActionResponse.of(a, null)).toList());
    }

    @PostMapping(path = "/api/agent/machineactions/{actionId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CountedCommand(ReportActionStatusCommand.class)
    @Operation(summary = "Report how an action went",
            description = "The agent reports that it started an action, that it succeeded, or that it failed"
                    + " (with the Windows error code).")
    @ApiResponse(responseCode = "200", description = "The action with the reported status applied",
            content = @Content(schema = @Schema(implementation = MachineActionResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid id or body, or a status the action cannot take now"
            + " (InvalidActionState)")
    @ApiResponse(responseCode = "403", description = "The action is another machine's (Forbidden)")
    @ApiResponse(responseCode = "404", description = "No such action (ResourceNotFound)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    MachineActionResponse report(@Parameter(description = "The action id, a GUID") @PathVariable String actionId,
                                 @RequestBody AgentStatusReport body,
                                 HttpServletRequest http) {
        if (body.status() == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter, "status is required.");
        }
        AgentReportedStatus status = RequestRules.enumValue("status", body.status(), AgentReportedStatus.class);
        String id = RequestRules.actionId(actionId);
        ActionRecord action = actions.require(id);
        requireOwnMachine(action.deviceId());
        int hresult = body.errorHResult() == null ? 0 : body.errorHResult();
        // The action as the report left it: the read above finds the action's machine, none follows the commit.
        return MachineActionResponse.entity(reports.reportOverHttp(action, status, hresult, http, origin.requestor()));
    }

    /**
     * An agent speaks for its own machine only: its token names the machine (EndpointPermissions lets only agent
     * tokens in here), and another machine's actions are refused before anything is read or stored.
     */
    private void requireOwnMachine(String machineId) {
        if (!machineId.equals(origin.caller().machineId())) {
            throw new RuleViolationException(ErrorCode.Forbidden, "This agent's token is for another machine.");
        }
    }
}
