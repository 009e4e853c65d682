package dev.cordon.events.action;

import dev.cordon.events.MachineActionEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Revision 2 added {@code keptConnectedApplications}: which applications a selective isolation keeps connected
 * may change between versions, and an auditor must see what was true when the isolation was asked for.
 * Revision-1 events are upcast by {@link dev.cordon.events.upcast.DeviceIsolationRequestedUpcaster}. Revision 3
 * added {@code bulkId}: the bulk action the isolation was part of, null for a single device's request
 * ({@link dev.cordon.events.upcast.BulkIdUpcaster}).
 */
@Revision("3")
public record DeviceIsolationRequestedEvent(
        String deviceId,
        String actionId,
        IsolationType isolationType,
        List<String> keptConnectedApplications,
        String computerDnsName,
        String requestor,
        String comment,
        String requestSource,
        String externalId,
        Instant requestedAt,
        String bulkId) implements MachineActionEvent {

    /** Never null (a revision-2 event always says what stayed connected), and immutable. */
    public DeviceIsolationRequestedEvent {
        keptConnectedApplications = List.copyOf(keptConnectedApplications);
    }

    /** A single device's request: part of no bulk. */
    public DeviceIsolationRequestedEvent(String deviceId, String actionId, IsolationType isolationType,
                                         List<String> keptConnectedApplications, String computerDnsName,
                                         String requestor, String comment, String requestSource, String externalId,
                                         Instant requestedAt) {
        this(deviceId, actionId, isolationType, keptConnectedApplications, computerDnsName, requestor, comment,
                requestSource, externalId, requestedAt, null);
    }

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
