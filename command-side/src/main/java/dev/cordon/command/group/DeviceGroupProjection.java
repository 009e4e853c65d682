package dev.cordon.command.group;

import dev.cordon.command.config.AxonConfig;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps {@code device_groups} in the same transaction as the device's events (a subscribing processor). */
@Component
@ProcessingGroup(AxonConfig.DEVICE_GROUPS_PROCESSOR)
class DeviceGroupProjection {

    private final DeviceGroupIndex index;

    DeviceGroupProjection(DeviceGroupIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(DeviceGroupChangedEvent e) {
        index.record(e.deviceId(), e.groupId(), e.groupName());
    }
}
