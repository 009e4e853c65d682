package dev.cordon.query.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.CordonEvent;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolatedEvent;
import dev.cordon.events.action.DeviceIsolationFailedEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseFailedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.action.DeviceReleasedEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.action.MachineActionCancelledEvent;
import dev.cordon.events.action.MachineActionStartedEvent;
import dev.cordon.events.action.MachineActionTimedOutEvent;
import dev.cordon.events.bulk.BulkActionDispatchedEvent;
import dev.cordon.events.bulk.BulkActionRequestedEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceGroupChangedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.DeviceTagAddedEvent;
import dev.cordon.events.device.DeviceTagRemovedEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.kafka.DeviceCloudEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Event records with plausible defaults, and their CloudEvent form as the command side publishes it. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    public static final ObjectMapper MAPPER = EventJson.newMapper();
    public static final List<String> SELECTIVE_APPS = List.of("Outlook", "Microsoft Teams", "Skype for Business");

    private TestEvents() {
    }

    public static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Registered by an inventory that reported no risk score or exposure level. */
    public static DeviceRegisteredEvent registered(String deviceId, Instant at) {
        return registered(deviceId, RiskScore.None, ExposureLevel.None, at);
    }

    public static DeviceRegisteredEvent registered(String deviceId, RiskScore risk, ExposureLevel exposure,
                                                   Instant at) {
        return new DeviceRegisteredEvent(deviceId, deviceId + ".corp.example", OsPlatform.Windows11, "22631",
                "23H2", "aad-" + deviceId, risk, exposure, at);
    }

    public static DeviceDetailsUpdatedEvent detailsUpdated(String deviceId, String dnsName, Instant at) {
        return detailsUpdated(deviceId, dnsName, RiskScore.None, ExposureLevel.None, at);
    }

    public static DeviceDetailsUpdatedEvent detailsUpdated(String deviceId, String dnsName, RiskScore risk,
                                                           ExposureLevel exposure, Instant at) {
        return new DeviceDetailsUpdatedEvent(deviceId, dnsName, OsPlatform.Windows10, "19045", "22H2",
                "aad-" + deviceId, risk, exposure, at);
    }

    public static DeviceIsolationRequestedEvent isolationRequested(String deviceId, String actionId,
                                                                   IsolationType type, Instant at) {
        return new DeviceIsolationRequestedEvent(deviceId, actionId, type,
                type == IsolationType.Selective ? SELECTIVE_APPS : List.of(), deviceId + ".corp.example",
                "analyst@corp.example", "Suspicious beaconing", "PublicApi", "ext-" + actionId, at);
    }

    /** The isolation of one of a bulk action's targets. */
    public static DeviceIsolationRequestedEvent isolationRequested(String deviceId, String actionId,
                                                                   IsolationType type, Instant at, String bulkId) {
        DeviceIsolationRequestedEvent single = isolationRequested(deviceId, actionId, type, at);
        return new DeviceIsolationRequestedEvent(deviceId, actionId, type, single.keptConnectedApplications(),
                single.computerDnsName(), single.requestor(), single.comment(), single.requestSource(), null, at,
                bulkId);
    }

    /** The release of one of a bulk action's targets. */
    public static DeviceReleaseRequestedEvent releaseRequested(String deviceId, String actionId, Instant at,
                                                               String bulkId) {
        return new DeviceReleaseRequestedEvent(deviceId, actionId, deviceId + ".corp.example", "lead@corp.example",
                "Cleaned up", "Portal", null, at, bulkId);
    }

    public static BulkActionRequestedEvent bulkRequested(String bulkId, ActionType type, List<String> machineIds,
                                                         Instant at) {
        return new BulkActionRequestedEvent(bulkId, type, type == ActionType.Isolate ? IsolationType.Full : null,
                "Ransomware outbreak", null, machineIds, "analyst@corp.example", "PublicApi", null, at);
    }

    public static BulkActionDispatchedEvent bulkDispatched(String bulkId, int accepted, int refused, Instant at) {
        return new BulkActionDispatchedEvent(bulkId, accepted, refused, at);
    }

    public static DeviceReleaseRequestedEvent releaseRequested(String deviceId, String actionId, Instant at) {
        return new DeviceReleaseRequestedEvent(deviceId, actionId, deviceId + ".corp.example", "lead@corp.example",
                "Cleaned up", "Portal", null, at);
    }

    public static MachineActionStartedEvent started(String deviceId, String actionId, ActionType type, Instant at) {
        return new MachineActionStartedEvent(deviceId, actionId, type, at);
    }

    public static DeviceIsolatedEvent isolated(String deviceId, String actionId, IsolationType type, Instant at) {
        return new DeviceIsolatedEvent(deviceId, actionId, type, at);
    }

    public static DeviceIsolationFailedEvent isolationFailed(String deviceId, String actionId, int hResult,
                                                             Instant at) {
        return new DeviceIsolationFailedEvent(deviceId, actionId, hResult, at);
    }

    public static DeviceReleasedEvent released(String deviceId, String actionId, Instant at) {
        return new DeviceReleasedEvent(deviceId, actionId, at);
    }

    public static DeviceReleaseFailedEvent releaseFailed(String deviceId, String actionId, int hResult, Instant at) {
        return new DeviceReleaseFailedEvent(deviceId, actionId, hResult, at);
    }

    public static MachineActionCancelledEvent cancelled(String deviceId, String actionId, ActionType type,
                                                        Instant at) {
        return new MachineActionCancelledEvent(deviceId, actionId, type, "soc-lead@corp.example", "False positive",
                "PublicApi", at);
    }

    public static MachineActionTimedOutEvent timedOut(String deviceId, String actionId, ActionType type, Instant at) {
        return new MachineActionTimedOutEvent(deviceId, actionId, type, at);
    }

    /** The Kafka value the command side would publish for {@code event} at {@code sequence}. */
    public static DeviceTagAddedEvent tagAdded(String deviceId, String tag, Instant at) {
        return new DeviceTagAddedEvent(deviceId, tag, "analyst@corp.example", "PublicApi", at);
    }

    public static DeviceTagRemovedEvent tagRemoved(String deviceId, String tag, Instant at) {
        return new DeviceTagRemovedEvent(deviceId, tag, "analyst@corp.example", "PublicApi", at);
    }

    /** @param previous null at the device's first group */
    public static DeviceGroupChangedEvent groupChanged(String deviceId, int groupId, String groupName, String previous,
                                                       Instant at) {
        return new DeviceGroupChangedEvent(deviceId, groupId, groupName, previous, "Named in the registration",
                "inventory@corp.example", "PublicApi", at);
    }

    public static String cloudEventJson(CordonEvent event, long sequence) {
        return cloudEventJson(event, sequence, UUID.randomUUID().toString());
    }

    public static String cloudEventJson(CordonEvent event, long sequence, String eventId) {
        return cloudEventJson(event, sequence, eventId, Instant.now());
    }

    /** @param storedAt the CloudEvent's {@code time}: when the event store recorded the event */
    public static String cloudEventJson(CordonEvent event, long sequence, String eventId, Instant storedAt) {
        EventCatalog.Entry entry = EventCatalog.of(event.getClass());
        DeviceCloudEvent cloudEvent = new DeviceCloudEvent(DeviceCloudEvent.SPEC_VERSION, eventId,
                "/cordon/command-side", entry.cloudEventType(), event.subject(), storedAt,
                DeviceCloudEvent.CONTENT_TYPE, entry.dataSchema(), sequence, entry.revision(),
                MAPPER.valueToTree(event));
        try {
            return MAPPER.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
