package dev.cordon.command.audit;

import dev.cordon.events.device.DeviceGroupChangedEvent;

/**
 * Everything the state at an instant is answered from, after some of a device's events: the fold, the device's group
 * then, and the last event folded. A checkpoint keeps it as JSON.
 */
record FoldedState(DeviceState state, DeviceGroupChangedEvent group, DeviceStateJson.LastEvent last) {
}
