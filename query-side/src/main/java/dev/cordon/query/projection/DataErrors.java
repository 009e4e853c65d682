package dev.cordon.query.projection;

import java.sql.SQLException;

/**
 * Tells a failure caused by the record's content from one caused by the database's condition. SQLState classes
 * 22 (data exception, e.g. U+0000 in text, a timestamp out of range) and 23 (integrity constraint violation) fail
 * the same way on every retry; anything else (08 connection, 53 resources, 57P01 shutdown, 40001 serialization,
 * or no SQLState at all) may heal.
 */
public final class DataErrors {

    private static final int MAX_CAUSES = 32;

    private DataErrors() {
    }

    /** Decided by the first SQLException with a SQLState in the cause chain. */
    public static boolean isDataError(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String sqlState = sql.getSQLState();
                return sqlState.startsWith("22") || sqlState.startsWith("23");
            }
            cause = cause.getCause();
        }
        return false;
    }
}
