package dev.cordon.events.device;

import dev.cordon.events.DeviceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The device was put in a device group (Defender's rbacGroupId and rbacGroupName): at its registration, and whenever
 * a later registration or the administrator's group rules move it. The group decides who sees and acts on the device,
 * so every change, and why it was made, is audit data.
 *
 * @param previousGroupName the group it was in before; null at its first assignment
 * @param reason            why this group: named in the registration, matched by a group rule, or the default group
 */
@Revision("1")
public record DeviceGroupChangedEvent(
        String deviceId,
        int groupId,
        String groupName,
        String previousGroupName,
        String reason,
        String requestor,
        String requestSource,
        Instant changedAt) implements DeviceEvent {

    @Override
    public Instant occurredAt() {
        return changedAt;
    }
}
