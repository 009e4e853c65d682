package dev.cordon.command.device;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defender's "Add or Remove Tag": {@code tag} already checked as a tag (RequestRules.tag). */
public record ChangeDeviceTagCommand(
        @TargetAggregateIdentifier String deviceId,
        String tag,
        TagChange change,
        String requestor,
        String requestSource,
        Instant at) {
}
