package dev.cordon.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelMachineActionCommand(
        @TargetAggregateIdentifier String deviceId,
        String actionId,
        ActionRequest request) {
}
