package dev.cordon.query.projection;

import java.util.Optional;

/**
 * What a record turned out to be: a device's event to project; a known event that no device read model keeps (a bulk
 * action's own events, whose devices' actions arrive as their own events carrying the bulk id); or, with neither, an
 * event type this version does not know.
 */
public record ParsedRecord(RecordedEvent event, String withoutReadModel) {

    static ParsedRecord of(RecordedEvent event) {
        return new ParsedRecord(event, null);
    }

    static ParsedRecord withoutReadModel(String eventName) {
        return new ParsedRecord(null, eventName);
    }

    static ParsedRecord unknown() {
        return new ParsedRecord(null, null);
    }

    public Optional<RecordedEvent> deviceEvent() {
        return Optional.ofNullable(event);
    }

    public boolean isWithoutReadModel() {
        return withoutReadModel != null;
    }
}
