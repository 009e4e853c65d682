package dev.cordon.command.api;

import dev.cordon.command.alias.DeviceAliases;
import dev.cordon.command.device.ChangeDeviceTagCommand;
import dev.cordon.command.device.DeviceTags;
import dev.cordon.command.device.TagChange;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.metrics.CountedCommand;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.events.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Defender's "Add or Remove Tag": a tag change is an event in the device's history, with who made it. */
@RestController
@Tag(name = "Devices", description = "Register devices, or update what is known of them")
class MachineTagsController {

    private final CommandSender commands;
    private final RequestOriginResolver origin;
    private final DeviceAliases aliases;
    private final Clock clock;

    MachineTagsController(CommandSender commands, RequestOriginResolver origin, DeviceAliases aliases, Clock clock) {
        this.commands = commands;
        this.origin = origin;
        this.aliases = aliases;
        this.clock = clock;
    }

    @PostMapping(path = "/api/machines/{id}/tags", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CountedCommand(ChangeDeviceTagCommand.class)
    @Operation(summary = "Add a tag to a device, or remove one",
            description = "Tags are unique ignoring letter case: adding one the device has, or removing one it lacks,"
                    + " changes nothing and answers the device as it is. At most 50 tags a device.")
    @ApiResponse(responseCode = "200", description = "The device with its tags after the change",
            content = @Content(schema = @Schema(implementation = MachineTagsResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid id, tag or Action (InvalidInput,"
            + " MissingRequiredParameter, InvalidRequestBody), or the device has the most tags it may have")
    @ApiResponse(responseCode = "404", description = "The machine is not registered, or is outside the caller's"
            + " device groups (ResourceNotFound)")
    MachineTagsResponse change(@Parameter(description = IsolationController.MACHINE_ID_OR_AAD) @PathVariable String id,
                               @RequestBody MachineTagRequest body, HttpServletRequest http) {
        String machineId = aliases.machineIdOf(RequestRules.machineId(id), origin.scope());
        String tag = RequestRules.tag(body.value());
        if (body.action() == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter,
                    "Action is required: Add or Remove (property names are case-sensitive: 'Action').");
        }
        TagChange change = RequestRules.enumValue("Action", body.action(), TagChange.class);
        String requestor = origin.requestor();
        DeviceTags tags = commands.send(new ChangeDeviceTagCommand(machineId, tag, change, requestor,
                RequestOriginResolver.PUBLIC_API, clock.instant(), origin.scope()), http, requestor,
                RequestOriginResolver.PUBLIC_API);
        return MachineTagsResponse.of(tags);
    }
}
