package dev.cordon.command.device;

import dev.cordon.events.action.IsolationType;
import dev.cordon.service.security.DeviceScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param scope  the caller's device groups: outside them the device does not exist for it
 * @param bulkId the bulk action this isolation is part of; null for a single device's request
 */
public record IsolateDeviceCommand(
        @TargetAggregateIdentifier String deviceId,
        String actionId,
        IsolationType isolationType,
        ActionRequest request,
        DeviceScope scope,
        String bulkId) {

    /** A single device's request. */
    public IsolateDeviceCommand(String deviceId, String actionId, IsolationType isolationType, ActionRequest request,
                                DeviceScope scope) {
        this(deviceId, actionId, isolationType, request, scope, null);
    }
}
