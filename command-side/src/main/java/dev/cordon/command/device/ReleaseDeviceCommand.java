package dev.cordon.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseDeviceCommand(
        @TargetAggregateIdentifier String deviceId,
        String actionId,
        ActionRequest request) {
}
