package dev.cordon.command.api;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.device.ActionRequest;
import dev.cordon.command.device.CancelMachineActionCommand;
import dev.cordon.command.metrics.CountedCommand;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.service.apidoc.PublicErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The answer is the action as the cancel left it; the one read, before the command, finds the action's device. */
@RestController
@Tag(name = "Machine actions", description = "Cancel a machine action that has not finished")
class CancelController {

    private final CommandSender commands;
    private final RequestOriginResolver origin;
    private final MachineActions actions;

    CancelController(CommandSender commands, RequestOriginResolver origin, MachineActions actions) {
        this.commands = commands;
        this.origin = origin;
        this.actions = actions;
    }

    @PostMapping(path = "/api/machineactions/{actionId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CountedCommand(CancelMachineActionCommand.class)
    @Operation(summary = "Cancel a machine action", description = "Cancels a Pending or InProgress action.")
    @ApiResponse(responseCode = "200", description = "The action, now Cancelled",
            content = @Content(schema = @Schema(implementation = MachineActionResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid id or body, or the action has already finished"
            + " (InvalidActionState)")
    @ApiResponse(responseCode = "404", description = "No such action (ResourceNotFound)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    MachineActionResponse cancel(@Parameter(description = "The action id, a GUID") @PathVariable String actionId,
                                 @RequestBody CancelActionRequest body,
                                 HttpServletRequest http) {
        String id = RequestRules.actionId(actionId);
        String comment = RequestRules.comment(body.comment());
        ActionRecord action = actions.require(id);
        ActionRequest request = origin.actionRequest(comment, null);
        ActionRecord cancelled = commands.send(new CancelMachineActionCommand(action.deviceId(), id, request), http,
                request.requestor(), request.requestSource());
        return MachineActionResponse.entity(cancelled);
    }
}
