package dev.cordon.query.jdbc;

import java.sql.Statement;

/** What a JDBC batch of conditional writes (upserts with a WHERE, inserts that may conflict) did, row by row. */
public final class BatchCounts {

    private BatchCounts() {
    }

    /**
     * @return per statement, whether it wrote its row
     * @throws IllegalStateException if the driver did not say (e.g. PostgreSQL's reWriteBatchedInserts): a batch
     *                               whose effect is unknown cannot be trusted, and its caller falls back to
     *                               writing row by row
     */
    public static boolean[] written(int[] counts) {
        boolean[] written = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO || counts[i] < 0) {
                throw new IllegalStateException("The driver did not report row " + i + " of a batch: " + counts[i]);
            }
            written[i] = counts[i] > 0;
        }
        return written;
    }
}
