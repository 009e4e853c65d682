package dev.cordon.command.api;

import dev.cordon.command.device.ActionRequest;
import dev.cordon.command.device.IsolateDeviceCommand;
import dev.cordon.command.device.ReleaseDeviceCommand;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.events.action.IsolationType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Isolate and release, as Defender's machine-actions API takes them. */
@RestController
class IsolationController {

    private final CommandSender commands;
    private final RequestOriginResolver origin;
    private final MachineActions actions;

    IsolationController(CommandSender commands, RequestOriginResolver origin, MachineActions actions) {
        this.commands = commands;
        this.origin = origin;
        this.actions = actions;
    }

    @PostMapping(path = "/api/machines/{id}/isolate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MachineActionResponse> isolate(@PathVariable String id, @RequestBody IsolateMachineRequest body,
                                                  HttpServletRequest http) {
        String machineId = RequestRules.machineId(id);
        String comment = RequestRules.comment(body.comment());
        IsolationType type = body.isolationType() == null
                ? IsolationType.Full
                : RequestRules.enumValue("IsolationType", body.isolationType(), IsolationType.class);
        String externalId = RequestRules.optional("ExternalID", body.externalId(), 255);
        String actionId = UUID.randomUUID().toString();
        ActionRequest request = origin.actionRequest(http, comment, externalId);
        commands.send(new IsolateDeviceCommand(machineId, actionId, type, request), http, request.requestor(),
                request.requestSource());
        return created(actionId);
    }

    @PostMapping(path = "/api/machines/{id}/unisolate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MachineActionResponse> release(@PathVariable String id, @RequestBody ReleaseMachineRequest body,
                                                  HttpServletRequest http) {
        String machineId = RequestRules.machineId(id);
        String comment = RequestRules.comment(body.comment());
        String externalId = RequestRules.optional("ExternalID", body.externalId(), 255);
        String actionId = UUID.randomUUID().toString();
        ActionRequest request = origin.actionRequest(http, comment, externalId);
        commands.send(new ReleaseDeviceCommand(machineId, actionId, request), http, request.requestor(),
                request.requestSource());
        return created(actionId);
    }

    private ResponseEntity<MachineActionResponse> created(String actionId) {
        return ResponseEntity.created(URI.create("/api/machineactions/" + actionId))
                .body(MachineActionResponse.of(actions.require(actionId), ODataContext.actionEntity()));
    }
}
