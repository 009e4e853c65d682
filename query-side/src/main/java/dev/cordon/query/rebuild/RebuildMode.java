package dev.cordon.query.rebuild;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a rebuild does once the shadow read models are built and compared with the live ones. */
public enum RebuildMode {
    /** Swap the rebuilt read models in for the live ones (which are dropped). */
    SWITCH("switch"),
    /** Only report the comparison and drop the rebuilt copy: detects a corrupted read database, changes nothing. */
    VERIFY("verify");

    private final String value;

    RebuildMode(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<RebuildMode> of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst();
    }
}
