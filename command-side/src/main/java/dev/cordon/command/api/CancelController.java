package dev.cordon.command.api;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.device.ActionRequest;
import dev.cordon.command.device.CancelMachineActionCommand;
import dev.cordon.command.web.RequestOriginResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
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
    MachineActionResponse cancel(@PathVariable String actionId, @RequestBody CancelActionRequest body,
                                 HttpServletRequest http) {
        String id = RequestRules.actionId(actionId);
        String comment = RequestRules.comment(body.comment());
        ActionRecord action = actions.require(id);
        ActionRequest request = origin.actionRequest(http, comment, null);
        commands.send(new CancelMachineActionCommand(action.deviceId(), id, request), http, request.requestor(),
                request.requestSource());
        return MachineActionResponse.of(actions.require(id), ODataContext.actionEntity());
    }
}
