package dev.cordon.events.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.CordonEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.IsolationType;

/** Revision 1 to 2: says which applications the isolation kept connected, as they were for revision 1. */
public final class DeviceIsolationRequestedUpcaster implements JsonUpcaster {

    static final String FIELD = "keptConnectedApplications";

    @Override
    public Class<? extends CordonEvent> eventClass() {
        return DeviceIsolationRequestedEvent.class;
    }

    @Override
    public String fromRevision() {
        return "1";
    }

    @Override
    public String toRevision() {
        return "2";
    }

    @Override
    public String change() {
        return "Added `keptConnectedApplications`: the applications the isolation keeps connected can change between"
                + " versions, and an audit must show what they were when it was requested. Revision-1 events get []"
                + " for Full and Outlook, Microsoft Teams, Skype for Business for Selective.";
    }

    @Override
    public ObjectNode upcast(ObjectNode data) {
        ObjectNode upcast = data.deepCopy();
        ArrayNode kept = upcast.putArray(FIELD);
        if (isolationType(data) == IsolationType.Selective) {
            SelectiveIsolation.REVISION_1_KEPT_CONNECTED.forEach(kept::add);
        }
        return upcast;
    }

    /** Without a known type it cannot be told what stayed connected; guessing would falsify the record. */
    private static IsolationType isolationType(ObjectNode data) {
        JsonNode type = data.get("isolationType");
        if (type != null && type.isTextual()) {
            for (IsolationType candidate : IsolationType.values()) {
                if (candidate.name().equals(type.textValue())) {
                    return candidate;
                }
            }
        }
        throw new UpcastException("DeviceIsolationRequestedEvent revision 1 without a valid isolationType ("
                + type + ") cannot be upcast");
    }
}
