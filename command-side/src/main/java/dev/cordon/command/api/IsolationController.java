package dev.cordon.command.api;

import dev.cordon.command.action.ActionRecord;
import dev.cordon.command.alias.DeviceAliases;
import dev.cordon.command.device.ActionRequest;
import dev.cordon.command.device.IsolateDeviceCommand;
import dev.cordon.command.device.ReleaseDeviceCommand;
import dev.cordon.command.idempotency.Idempotency;
import dev.cordon.command.idempotency.IdempotencyKeyHeader;
import dev.cordon.command.idempotency.IdempotentCommands;
import dev.cordon.command.metrics.CountedCommand;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.events.action.IsolationType;
import dev.cordon.service.apidoc.PublicErrorResponses;
import dev.cordon.service.ids.RandomUuids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Isolate and release, as Defender's machine-actions API takes them: the device named by its machine id or by its
 * aadDeviceId (DeviceAliases); the action always carries the real machine id. The 201 is the action as the command
 * left it: a read after the commit could fail once the action is stored, and a client that retried a 500 would be
 * refused for its own action. A client that retries with its Idempotency-Key is answered that action again
 * (IdempotentCommands).
 */
@RestController
@Tag(name = "Isolation", description = "Isolate a device from the network, or release it")
class IsolationController {

    static final String MACHINE_ID = "The machine id: 1 to 128 letters, digits, '.', '_' or '-'";
    static final String MACHINE_ID_OR_AAD = "The machine id (1 to 128 letters, digits, '.', '_' or '-'), or the"
            + " device's aadDeviceId, as older Defender clients send it";

    private final CommandSender commands;
    private final RequestOriginResolver origin;
    private final DeviceAliases aliases;
    private final IdempotentCommands idempotent;

    IsolationController(CommandSender commands, RequestOriginResolver origin, DeviceAliases aliases,
                        IdempotentCommands idempotent) {
        this.commands = commands;
        this.origin = origin;
        this.aliases = aliases;
        this.idempotent = idempotent;
    }

    @PostMapping(path = "/api/machines/{id}/isolate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CountedCommand(IsolateDeviceCommand.class)
    @Operation(summary = "Isolate a device",
            description = "Requests isolation, fully or selectively (Outlook, Teams and Skype for Business stay"
                    + " connected). The device's agent carries it out; follow the returned action's status.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeyHeader.NAME,
            description = IdempotencyKeyHeader.DESCRIPTION,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKeyHeader.MAX_LENGTH))
    @ApiResponse(responseCode = "201", description = "The isolation was requested: the new machine action, Pending;"
            + " or, with Idempotent-Replayed: true, the action of the first request with the same Idempotency-Key,"
            + " as it is now", content = @Content(schema = @Schema(implementation = MachineActionResponse.class)),
            headers = @Header(name = IdempotencyKeyHeader.REPLAYED,
                    description = IdempotencyKeyHeader.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")))
    @ApiResponse(responseCode = "400", description = "Invalid id, body or Idempotency-Key (also: one used"
            + " for another request), an isolation or release already pending"
            + " (ActiveRequestAlreadyExists), or a platform without that isolation type (OsPlatformNotSupported)")
    @ApiResponse(responseCode = "404", description = "The machine is not registered, or is outside the caller's"
            + " device groups (ResourceNotFound)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    ResponseEntity<MachineActionResponse> isolate(@Parameter(description = MACHINE_ID_OR_AAD) @PathVariable String id,
                                                  @RequestBody IsolateMachineRequest body,
                                                  HttpServletRequest http) {
        Optional<String> key = IdempotencyKeyHeader.of(http);
        String machineId = aliases.machineIdOf(RequestRules.machineId(id), origin.scope());
        String comment = RequestRules.comment(body.comment());
        IsolationType type = RequestRules.isolationType(body.isolationType());
        String externalId = RequestRules.optional("ExternalID", body.externalId(), 255);
        Optional<Idempotency> idempotency = key.map(k -> Idempotency.of(origin.caller().key(), k, "isolate",
                machineId, type.name(), comment, externalId));
        return created(idempotent.send(idempotency, origin.scope(), () -> {
            ActionRequest request = origin.actionRequest(comment, externalId);
            return commands.send(new IsolateDeviceCommand(machineId, RandomUuids.nextString(), type, request,
                    origin.scope()), http, request.requestor(), request.requestSource(), idempotency.orElse(null));
        }));
    }

    @PostMapping(path = "/api/machines/{id}/unisolate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CountedCommand(ReleaseDeviceCommand.class)
    @Operation(summary = "Release a device from isolation",
            description = "Requests that an isolated device be reconnected; follow the returned action's status.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeyHeader.NAME,
            description = IdempotencyKeyHeader.DESCRIPTION,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKeyHeader.MAX_LENGTH))
    @ApiResponse(responseCode = "201", description = "The release was requested: the new machine action, Pending;"
            + " or, with Idempotent-Replayed: true, the action of the first request with the same Idempotency-Key,"
            + " as it is now", content = @Content(schema = @Schema(implementation = MachineActionResponse.class)),
            headers = @Header(name = IdempotencyKeyHeader.REPLAYED,
                    description = IdempotencyKeyHeader.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")))
    @ApiResponse(responseCode = "400", description = "Invalid id, body or Idempotency-Key (also: one used for"
            + " another request), the device is not isolated"
            + " (DeviceNotIsolated), or an action is already pending (ActiveRequestAlreadyExists)")
    @ApiResponse(responseCode = "404", description = "The machine is not registered, or is outside the caller's"
            + " device groups (ResourceNotFound)")
    @ApiResponse(responseCode = "429", description = PublicErrorResponses.RATE_LIMITED)
    ResponseEntity<MachineActionResponse> release(@Parameter(description = MACHINE_ID_OR_AAD) @PathVariable String id,
                                                  @RequestBody ReleaseMachineRequest body,
                                                  HttpServletRequest http) {
        Optional<String> key = IdempotencyKeyHeader.of(http);
        String machineId = aliases.machineIdOf(RequestRules.machineId(id), origin.scope());
        String comment = RequestRules.comment(body.comment());
        String externalId = RequestRules.optional("ExternalID", body.externalId(), 255);
        Optional<Idempotency> idempotency = key.map(k -> Idempotency.of(origin.caller().key(), k, "release",
                machineId, comment, externalId));
        return created(idempotent.send(idempotency, origin.scope(), () -> {
            ActionRequest request = origin.actionRequest(comment, externalId);
            return commands.send(new ReleaseDeviceCommand(machineId, RandomUuids.nextString(), request,
                    origin.scope()), http,
                    request.requestor(), request.requestSource(), idempotency.orElse(null));
        }));
    }

    /** A replay answers as the first request did (201 and Location), marked as the draft says. */
    private ResponseEntity<MachineActionResponse> created(IdempotentCommands.Answer answer) {
        ActionRecord action = answer.action();
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/machineactions/"
                + action.actionId()));
        if (answer.replayed()) {
            created.header(IdempotencyKeyHeader.REPLAYED, "true");
        }
        return created.body(MachineActionResponse.entity(action));
    }
}
