package dev.cordon.command.device;

import dev.cordon.events.action.IsolationType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record IsolateDeviceCommand(
        @TargetAggregateIdentifier String deviceId,
        String actionId,
        IsolationType isolationType,
        ActionRequest request) {
}
