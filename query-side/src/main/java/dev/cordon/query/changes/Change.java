package dev.cordon.query.changes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.query.projection.TimelineEntries;
import dev.cordon.service.security.DeviceScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code change} event tells a subscriber: which device and action to refetch, and why. Only ids and a type
 * name, so that the stream carries nothing a subscriber could not read through the API anyway, and so that the
 * payload stays far below PostgreSQL's 8000-byte NOTIFY limit.
 *
 * @param actionId     null for an event of the device alone (registered, details updated)
 * @param eventType    the event's type name as the timeline records it ({@code DeviceIsolated})
 * @param deviceGroups who may be told: the device's group, and for a group change the one it left too (its callers
 *                     saw the device and must refetch to see it gone); empty for a device with no group, which only
 *                     callers covering every group see. Never sent to a subscriber, only between instances.
 */
@JsonPropertyOrder({"machineId", "actionId", "eventType"})
public record Change(String machineId, String actionId, String eventType, @JsonIgnore List<String> deviceGroups) {

    /** Its own mapper: the payload's shape is the contract, whatever the application's JSON settings. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUPS = "deviceGroups";

    public Change {
        deviceGroups = deviceGroups == null ? List.of()
                : deviceGroups.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Of a device in no group. */
    public Change(String machineId, String actionId, String eventType) {
        this(machineId, actionId, eventType, List.of());
    }

    /** Of a device in no group. */
    public static Change of(DeviceEvent event) {
        return of(event, List.of());
    }

    public static Change of(DeviceEvent event, List<String> deviceGroups) {
        String actionId = event instanceof MachineActionEvent action ? action.actionId() : null;
        return new Change(event.deviceId(), actionId, TimelineEntries.eventType(event), deviceGroups);
    }

    /** Whether a subscriber with this scope is told. */
    public boolean visibleTo(DeviceScope scope) {
        return scope.all() || deviceGroups.stream().anyMatch(scope::covers);
    }

    /** {@code {"machineId":"…","actionId":"…","eventType":"…"}}, null ids written as null: what subscribers get. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change of three strings is always JSON", e);
        }
    }

    /** The JSON with the device groups too: what instances tell each other (PostgreSQL NOTIFY). */
    public String toNotification() {
        ObjectNode node = JSON.valueToTree(this);
        deviceGroups.forEach(node.putArray(GROUPS)::add);
        return node.toString();
    }

    /**
     * Read back; a payload without device groups (from an instance older than groups) is a change of a device in
     * no group, which reaches only callers covering every group.
     */
    public static Change fromNotification(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<String> groups = new ArrayList<>();
            node.path(GROUPS).forEach(group -> groups.add(group.asText()));
            return new Change(text(node, "machineId"), text(node, "actionId"), text(node, "eventType"), groups);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a change: " + json, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
