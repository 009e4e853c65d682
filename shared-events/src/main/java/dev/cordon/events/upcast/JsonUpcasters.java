package dev.cordon.events.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.DeviceReleaseRequestedEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.kafka.EventCatalog;
import java.util.List;
import java.util.Optional;

/** Every upcaster, and the chain that brings an event of any stored revision to the catalog's revision. */
public final class JsonUpcasters {

    private static final List<JsonUpcaster> ALL = List.of(
            new RiskAndExposureUpcaster(DeviceRegisteredEvent.class),
            new RiskAndExposureUpcaster(DeviceDetailsUpdatedEvent.class),
            new DeviceIsolationRequestedUpcaster(),
            new BulkIdUpcaster(DeviceIsolationRequestedEvent.class, "2"),
            new BulkIdUpcaster(DeviceReleaseRequestedEvent.class, "1"));

    private JsonUpcasters() {
    }

    public static List<JsonUpcaster> all() {
        return ALL;
    }

    /**
     * @param revision the revision {@code data} was written at
     * @return {@code data} at the entry's current revision (the same node when it already is)
     * @throws UpcastException for a revision no chain of upcasters leads from (a newer or an unknown one)
     */
    public static ObjectNode toCurrent(EventCatalog.Entry entry, String revision, ObjectNode data) {
        ObjectNode current = data;
        String at = revision;
        while (!entry.revision().equals(at)) {
            Optional<JsonUpcaster> step = from(entry, at);
            if (step.isEmpty()) {
                // Quoted as a JSON string: the revision may come from a record, and must not forge log lines.
                throw new UpcastException(entry.name() + " has revision " + TextNode.valueOf(at)
                        + "; this version reads revisions " + String.join(", ", entry.revisions()));
            }
            current = step.get().upcast(current);
            at = step.get().toRevision();
        }
        return current;
    }

    private static Optional<JsonUpcaster> from(EventCatalog.Entry entry, String revision) {
        return ALL.stream()
                .filter(u -> u.eventClass() == entry.eventClass() && u.fromRevision().equals(revision))
                .findFirst();
    }
}
