package dev.cordon.events.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.CordonEvent;

/**
 * Turns one event's JSON from one revision into the next. Plain Jackson, so that the one implementation serves
 * every reader of old events: the command side's event store (through an Axon adapter) and Kafka consumers.
 */
public interface JsonUpcaster {

    Class<? extends CordonEvent> eventClass();

    String fromRevision();

    String toRevision();

    /** What changed and why, in one sentence; docs/events.md quotes it. */
    String change();

    /** @return the event at {@link #toRevision()}; {@code data} itself is left as it was */
    ObjectNode upcast(ObjectNode data);
}
