package dev.cordon.command.api;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.device.ActionRequest;
import dev.cordon.command.device.CancelMachineActionCommand;
import dev.cordon.command.idempotency.Idempotency;
import dev.cordon.command.idempotency.IdempotencyKeyHeader;
import dev.cordon.command.idempotency.IdempotentCommands;
import dev.cordon.command.metrics.CountedCommand;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.service.apidoc.PublicErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final IdempotentCommands idempotent;

    CancelController(CommandSender commands, RequestOriginResolver origin, MachineActions actions,
                     IdempotentCommands idempotent) {
        this.commands = commands;
        this.origin = origin;
        this.actions = actions;
        this.idempotent = idempotent;
    }

    @PostMapping(path = "/api/machineactions/{actionId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CountedCommand(CancelMachineActionCommand.class)
    @Operation(summary = "Cancel a machine action", description = "Cancels a Pending or InProgress action.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeyHeader.NAME,
            description = IdempotencyKeyHeader.DESCRIPTION,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKeyHeader.MAX_LENGTH))
    @ApiResponse(responseCode = "200", description = "The action, now Cancelled; or, with Idempotent-Replayed: true,"
            + " the action the first request with the same Idempotency-Key cancelled, as it is now",
            content = @Content(schema = @Schema(implementation = MachineActionResponse.class)),
            headers = @Header(name = IdempotencyKeyHeader.REPLAYED,
                    description = IdempotencyKeyHeader.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")))
    @ApiResponse(responseCode = "400", description = "Invalid id, body or Idempotency-Key (also: one used for"
            + " another request), or the action has already finished (InvalidActionState)")
    @ApiResponse(responseCode = "404", description = "No such action, or its device is outside the caller's device"
            + " groups (ResourceNotFound)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    ResponseEntity<MachineActionResponse> cancel(
            @Parameter(description = "The action id, a GUID") @PathVariable String actionId,
            @RequestBody CancelActionRequest body, HttpServletRequest http) {
        Optional<String> key = IdempotencyKeyHeader.of(http);
        String id = RequestRules.actionId(actionId);
        String comment = RequestRules.comment(body.comment());
        ActionRecord action = actions.require(id);
        Optional<Idempotency> idempotency = key.map(k -> Idempotency.of(origin.caller().key(), k, "cancel", id,
                comment));
        IdempotentCommands.Answer answer = idempotent.send(idempotency, origin.scope(), () -> {
            ActionRequest request = origin.actionRequest(comment, null);
            return commands.send(new CancelMachineActionCommand(action.deviceId(), id, request, origin.scope()), http,
                    request.requestor(), request.requestSource(), idempotency.orElse(null));
        });
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (answer.replayed()) {
            ok.header(IdempotencyKeyHeader.REPLAYED, "true");
        }
        return ok.body(MachineActionResponse.entity(answer.action()));
    }
}
