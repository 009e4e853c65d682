package dev.cordon.command.bulk;

import dev.cordon.events.bulk.BulkActionRequestedEvent;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/** A bulk's targets, as its request event recorded them: the event store holds them once, and for good. */
@Component
class BulkTargets {

    private final EventStore events;

    BulkTargets(EventStore events) {
        this.events = events;
    }

    List<String> of(String bulkId) {
        return events.readEvents(bulkId).asStream().map(Message::getPayload)
                .filter(BulkActionRequestedEvent.class::isInstance).map(BulkActionRequestedEvent.class::cast)
                .findFirst().map(BulkActionRequestedEvent::machineIds)
                .orElseThrow(() -> new IllegalStateException("Bulk action " + bulkId + " has no request event"));
    }
}
