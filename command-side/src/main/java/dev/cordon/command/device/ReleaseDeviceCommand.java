package dev.cordon.command.device;

import dev.cordon.service.security.DeviceScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param scope  the caller's device groups: outside them the device does not exist for it
 * @param bulkId the bulk action this release is part of; null for a single device's request
 */
public record ReleaseDeviceCommand(
        @TargetAggregateIdentifier String deviceId,
        String actionId,
        ActionRequest request,
        DeviceScope scope,
        String bulkId) {

    /** A single device's request. */
    public ReleaseDeviceCommand(String deviceId, String actionId, ActionRequest request, DeviceScope scope) {
        this(deviceId, actionId, request, scope, null);
    }
}
