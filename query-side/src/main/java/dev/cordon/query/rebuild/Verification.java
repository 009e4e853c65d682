package dev.cordon.query.rebuild;

import java.util.List;
import java.util.Map;

/**
 * The rebuilt read models compared with the live ones: per read model the row counts and a content checksum
 * (SHA-256 over every column, rows in key order), and the first difference found, if any.
 */
public record Verification(boolean equal, List<ReadModelComparison> readModels, Difference firstDifference) {

    static Verification of(List<ReadModelComparison> readModels) {
        Difference first = readModels.stream().map(ReadModelComparison::firstDifference)
                .filter(d -> d != null).findFirst().orElse(null);
        return new Verification(first == null, readModels, first);
    }

    public record ReadModelComparison(String readModel, String table, long liveRows, long rebuiltRows,
                                      String liveChecksum, String rebuiltChecksum, boolean equal,
                                      Difference firstDifference) {
    }

    /**
     * @param key    the row's primary key, column by column
     * @param column the first column that differs; null when the row is in one of the two only
     * @param live   the live value (of the column, or "(row)" / "(no row)")
     */
    public record Difference(String readModel, Map<String, String> key, String column, String live, String rebuilt) {
    }
}
