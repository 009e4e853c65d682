package dev.cordon.query.rebuild;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Where a rebuild reads the history from. */
public enum RebuildSource {
    /** Kafka if the topic still holds every record (its earliest offsets are all 0), else the event store. */
    AUTO("auto"),
    /** The topic from its first offset, with a consumer of its own (no group, nothing committed). */
    KAFKA("kafka"),
    /** The command side's event store, read only, in global index order: the source of record. */
    EVENT_STORE("event-store");

    private final String value;

    RebuildSource(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<RebuildSource> of(String value) {
        return Arrays.stream(values()).filter(source -> source.value.equals(value)).findFirst();
    }
}
