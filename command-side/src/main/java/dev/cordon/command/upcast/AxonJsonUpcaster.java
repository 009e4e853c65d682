package dev.cordon.command.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.upcast.JsonUpcaster;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Lets Axon apply one of the shared JSON upcasters to stored events as it reads them; the logic is all there. */
final class AxonJsonUpcaster extends SingleEventUpcaster {

    private final JsonUpcaster upcaster;
    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    AxonJsonUpcaster(JsonUpcaster upcaster) {
        this.upcaster = upcaster;
        String payloadType = upcaster.eventClass().getName();
        this.from = new SimpleSerializedType(payloadType, upcaster.fromRevision());
        this.to = new SimpleSerializedType(payloadType, upcaster.toRevision());
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return from.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(to, JsonNode.class, payload -> upcaster.upcast((ObjectNode) payload));
    }
}
