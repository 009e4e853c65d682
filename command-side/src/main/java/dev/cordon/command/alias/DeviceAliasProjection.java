package dev.cordon.command.alias;

import dev.cordon.command.config.AxonConfig;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps {@code device_aliases} in the same transaction as the device's events (a subscribing processor). */
@Component
@ProcessingGroup(AxonConfig.DEVICE_ALIASES_PROCESSOR)
class DeviceAliasProjection {

    private final DeviceAliases aliases;

    DeviceAliasProjection(DeviceAliases aliases) {
        this.aliases = aliases;
    }

    @EventHandler
    void on(DeviceRegisteredEvent e) {
        aliases.record(e.deviceId(), e.aadDeviceId());
    }

    @EventHandler
    void on(DeviceDetailsUpdatedEvent e) {
        aliases.record(e.deviceId(), e.aadDeviceId());
    }
}
