package dev.cordon.command.device;

import dev.cordon.service.security.DeviceScope;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Defender's "Add or Remove Tag": {@code tag} already checked as a tag (RequestRules.tag).
 *
 * @param scope the caller's device groups: outside them the device does not exist for it
 */
public record ChangeDeviceTagCommand(
        @TargetAggregateIdentifier String deviceId,
        String tag,
        TagChange change,
        String requestor,
        String requestSource,
        Instant at,
        DeviceScope scope) {
}
