package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Revision 2 added {@code bulkId}: the bulk action the release was part of, null for a single device's request
 * ({@link dev.cordon.events.upcast.BulkIdUpcaster}).
 */
@Revision("2")
public record DeviceReleaseRequestedEvent(
        String deviceId,
        String actionId,
        String computerDnsName,
        String requestor,
        String comment,
        String requestSource,
        String externalId,
        Instant requestedAt,
        String bulkId) implements MachineActionEvent {

    /** A single device's request: part of no bulk. */
    public DeviceReleaseRequestedEvent(String deviceId, String actionId, String computerDnsName, String requestor,
                                       String comment, String requestSource, String externalId, Instant requestedAt) {
        this(deviceId, actionId, computerDnsName, requestor, comment, requestSource, externalId, requestedAt, null);
    }

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
