package dev.cordon.query.rebuild;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a rebuild stands; the live read models answer reads in every phase. */
public enum RebuildPhase {
    /** No rebuild has run since this instance started. */
    IDLE("idle"),
    /** Reading the history into the shadow tables; the live projection keeps running. */
    BUILDING("building"),
    /** The live projection is paused; the shadow tables read what it applied meanwhile. */
    CATCHING_UP("catching-up"),
    VERIFYING("verifying"),
    SWITCHING("switching"),
    /** Verify mode: the shadow tables are dropped, the live ones kept. */
    DISCARDING("discarding"),
    DONE("done"),
    FAILED("failed");

    private final String value;

    RebuildPhase(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public boolean finished() {
        return this == IDLE || this == DONE || this == FAILED;
    }
}
