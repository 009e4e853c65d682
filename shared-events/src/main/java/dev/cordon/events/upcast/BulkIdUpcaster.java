package dev.cordon.events.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.CordonEvent;

/** Adds {@code bulkId} to an action's request: events from before bulk actions were each a single device's request. */
public final class BulkIdUpcaster implements JsonUpcaster {

    static final String FIELD = "bulkId";

    private final Class<? extends CordonEvent> eventClass;
    private final String fromRevision;

    public BulkIdUpcaster(Class<? extends CordonEvent> eventClass, String fromRevision) {
        this.eventClass = eventClass;
        this.fromRevision = fromRevision;
    }

    @Override
    public Class<? extends CordonEvent> eventClass() {
        return eventClass;
    }

    @Override
    public String fromRevision() {
        return fromRevision;
    }

    @Override
    public String toRevision() {
        return Integer.toString(Integer.parseInt(fromRevision) + 1);
    }

    @Override
    public String change() {
        return "Added `bulkId`: an action may now be one of a bulk action's, and the audit must show which. Older"
                + " events get null: each was a single device's request.";
    }

    @Override
    public ObjectNode upcast(ObjectNode data) {
        ObjectNode upcast = data.deepCopy();
        upcast.putNull(FIELD);
        return upcast;
    }
}
