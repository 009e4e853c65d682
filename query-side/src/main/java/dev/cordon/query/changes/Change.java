package dev.cordon.query.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.MachineActionEvent;
import dev.cordon.query.projection.TimelineEntries;

/**
 * What a {@code change} event tells a subscriber: which device and action to refetch, and why. Only ids and a type
 * name, so that the stream carries nothing a subscriber could not read through the API anyway, and so that the
 * payload stays far below PostgreSQL's 8000-byte NOTIFY limit.
 *
 * @param actionId null for an event of the device alone (registered, details updated)
 * @param eventType the event's type name as the timeline records it ({@code DeviceIsolated})
 */
public record Change(String machineId, String actionId, String eventType) {

    /** Its own mapper: the payload's shape is the contract, whatever the application's JSON settings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Change of(DeviceEvent event) {
        String actionId = event instanceof MachineActionEvent action ? action.actionId() : null;
        return new Change(event.deviceId(), actionId, TimelineEntries.eventType(event));
    }

    /** {@code {"machineId":"…","actionId":"…","eventType":"…"}}, null ids written as null. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change of three strings is always JSON", e);
        }
    }
}
