package dev.cordon.command.device;

import dev.cordon.service.security.DeviceScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param scope the caller's device groups: outside them the device does not exist for it */
public record CancelMachineActionCommand(
        @TargetAggregateIdentifier String deviceId,
        String actionId,
        ActionRequest request,
        DeviceScope scope) {
}
