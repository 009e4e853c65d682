package dev.cordon.query.jdbc;

import java.util.List;

/**
 * The tables one set of read models lives in. The API reads and the live projection use {@link #LIVE}; a rebuild
 * projects the same way into a shadow set beside it and then swaps the names, so the repositories take the set
 * instead of naming their table.
 */
public record ReadModelTables(String machine, String machineAction, String timeline) {

    public static final ReadModelTables LIVE = new ReadModelTables("machine", "machine_action", "timeline_entry");

    /** The same tables with {@code suffix} appended to every name (only plain identifiers, see below). */
    public ReadModelTables withSuffix(String suffix) {
        if (!suffix.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Table suffix must be a plain lower-case identifier part: " + suffix);
        }
        return new ReadModelTables(machine + suffix, machineAction + suffix, timeline + suffix);
    }

    public List<String> all() {
        return List.of(machine, machineAction, timeline);
    }
}
