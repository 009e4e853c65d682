package dev.cordon.command.api;

import dev.cordon.command.device.RegisterDeviceCommand;
import dev.cordon.command.device.RegistrationOutcome;
import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroups;
import dev.cordon.command.group.GroupAssignment;
import dev.cordon.command.metrics.CountedCommand;
import dev.cordon.command.web.RequestOriginResolver;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registers a device, or updates what is known of it; devices are acted on only once registered. */
@RestController
@Tag(name = "Devices", description = "Register devices, or update what is known of them")
class MachineRegistrationController {

    private static final Pattern BUILD = Pattern.compile("\\d{1,10}");

    private final CommandSender commands;
    private final RequestOriginResolver origin;
    private final Clock clock;
    private final DeviceGroups groups;

    MachineRegistrationController(CommandSender commands, RequestOriginResolver origin, Clock clock,
                                  DeviceGroups groups) {
        this.commands = commands;
        this.origin = origin;
        this.clock = clock;
        this.groups = groups;
    }

    @PutMapping(path = "/api/machines/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @CountedCommand(RegisterDeviceCommand.class)
    @Operation(summary = "Register a device, or update it",
            description = "As the device's agent or an inventory reports it. Devices are acted on only once"
                    + " registered. The registration puts the device in a device group: the one it names"
                    + " (rbacGroupName), else the first whose rule matches, else the default group.")
    @ApiResponse(responseCode = "201", description = "Registered for the first time",
            content = @Content(schema = @Schema(implementation = MachineResponse.class)))
    @ApiResponse(responseCode = "200", description = "Already registered: its details were updated",
            content = @Content(schema = @Schema(implementation = MachineResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid id or body (InvalidInput, InvalidRequestBody,"
            + " MissingRequiredParameter), or an rbacGroupName that is not a device group (InvalidInput)")
    @ApiResponse(responseCode = "403", description = "The device would be put in a group outside the caller's"
            + " device groups (Forbidden)")
    @ApiResponse(responseCode = "404", description = "The machine is registered in a group outside the caller's"
            + " device groups (ResourceNotFound)")
    ResponseEntity<MachineResponse> register(
            @Parameter(description = IsolationController.MACHINE_ID) @PathVariable String id,
            @RequestBody RegisterMachineRequest body,
                                             HttpServletRequest http) {
        String machineId = RequestRules.machineId(id);
        if (body.computerDnsName() == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter, "computerDnsName is required.");
        }
        String name = RequestRules.optional("computerDnsName", body.computerDnsName(), 255);
        if (body.osPlatform() == null) {
            throw new RuleViolationException(ErrorCode.MissingRequiredParameter, "osPlatform is required.");
        }
        OsPlatform platform = RequestRules.enumValue("osPlatform", body.osPlatform(), OsPlatform.class);
        if (body.osBuild() != null && !BUILD.matcher(body.osBuild()).matches()) {
            throw new RuleViolationException(ErrorCode.InvalidInput,
                    "osBuild must be the OS build number (digits), was '" + body.osBuild() + "'.");
        }
        String version = RequestRules.optional("version", body.version(), 64);
        String aadDeviceId = RequestRules.optional("aadDeviceId", body.aadDeviceId(), 64);
        RiskScore riskScore = RequestRules.optionalEnumValue("riskScore", body.riskScore(), RiskScore.None);
        ExposureLevel exposureLevel =
                RequestRules.optionalEnumValue("exposureLevel", body.exposureLevel(), ExposureLevel.None);

        GroupAssignment group = groups.assign(RequestRules.optional("rbacGroupName", body.rbacGroupName(), 255),
                name, platform);

        String requestor = origin.requestor();
        RegistrationOutcome outcome = commands.send(new RegisterDeviceCommand(machineId, name, platform,
                body.osBuild(), version, aadDeviceId, riskScore, exposureLevel, group, requestor,
                RequestOriginResolver.PUBLIC_API, origin.scope(), clock.instant()), http, requestor,
                RequestOriginResolver.PUBLIC_API);
        // Unchanged or not, the device is in this group now: the aggregate moved it there, or it was there already.
        return ResponseEntity.status(outcome == RegistrationOutcome.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new MachineResponse(machineId, name, platform.name(), body.osBuild(), version, aadDeviceId,
                        riskScore.name(), exposureLevel.name(), group.groupId(), group.groupName()));
    }
}
