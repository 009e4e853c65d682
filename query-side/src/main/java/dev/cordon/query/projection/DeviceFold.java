package dev.cordon.query.projection;

import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import dev.cordon.events.transition.IsolationTransitions;
import dev.cordon.query.machine.MachineView;
import java.util.ArrayList;
import java.util.List;

/**
 * A device as the read side knows it, after each event: a pure function of the shared transitions
 * (IsolationTransitions); times come from the event payloads only.
 */
public final class DeviceFold {

    private DeviceFold() {
    }

    public static MachineView apply(MachineView current, DeviceEvent event) {
        MachineView device = current != null ? current : MachineView.unknown(event.deviceId());
        if (event instanceof DeviceRegisteredEvent e) {
            return device.withDetails(e.computerDnsName(), e.osPlatform(), e.osBuild(), e.version(),
                    e.aadDeviceId(), e.riskScore(), e.exposureLevel(), e.registeredAt());
        }
        if (event instanceof DeviceDetailsUpdatedEvent e) {
            return device.withDetails(e.computerDnsName(), e.osPlatform(), e.osBuild(), e.version(),
                    e.aadDeviceId(), e.riskScore(), e.exposureLevel(), e.updatedAt());
        }
        if (event instanceof DeviceTagAddedEvent e) {
            List<String> tags = new ArrayList<>(device.machineTags());
            tags.add(e.tag());
            return device.withTags(tags, e.addedAt());
        }
        if (event instanceof DeviceTagRemovedEvent e) {
            List<String> tags = new ArrayList<>(device.machineTags());
            tags.remove(e.tag());
            return device.withTags(tags, e.removedAt());
        }
        if (event instanceof DeviceGroupChangedEvent e) {
            return device.withGroup(e.groupId(), e.groupName(), e.changedAt());
        }
        if (event instanceof MachineActionEvent e) {
            return onAction(device, e);
        }
        throw new IllegalArgumentException("Unhandled device event " + event.getClass().getName());
    }

    /** State, scope and the last action's type and status from the shared transitions; times from the payload. */
    private static MachineView onAction(MachineView device, MachineActionEvent event) {
        ActionStatus status = IsolationTransitions.statusAfter(event);
        return device.withAction(IsolationTransitions.stateAfter(device.isolationState(), event),
                IsolationTransitions.scopeAfter(device.isolationScope(), event),
                IsolationTransitions.isOpen(status) ? event.actionId() : null, event.actionId(),
                IsolationTransitions.actionType(event), status, event.occurredAt());
    }
}
