package dev.cordon.service.database;

import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * Writes many rows by key, on PostgreSQL and H2 alike (which spell an upsert differently): one batch of updates, then
 * one batch of inserts for the rows that did not exist. Another writer may insert one of them in between; then those
 * rows are written one at a time, each updated or inserted, so every row ends as given. Outside a transaction only:
 * the fallback needs the failed batch not to have aborted the rest.
 */
public final class UpdateOrInsert {

    static final int BATCH = 500;

    private UpdateOrInsert() {
    }

    /**
     * @param update its parameters set by {@code updateValues}; must match a row by its key
     * @param insert its parameters set by {@code insertValues}
     */
    public static <T> void rows(JdbcTemplate jdbc, List<T> rows, String update,
                                ParameterizedPreparedStatementSetter<T> updateValues, String insert,
                                ParameterizedPreparedStatementSetter<T> insertValues) {
        if (rows.isEmpty()) {
            return;
        }
        List<T> missing = new ArrayList<>();
        int i = 0;
        for (int[] counts : jdbc.batchUpdate(update, rows, BATCH, updateValues)) {
            for (int count : counts) {
                if (count == 0) {
                    missing.add(rows.get(i));
                }
                i++;
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate(insert, missing, BATCH, insertValues);
        } catch (DuplicateKeyException e) {
            for (T row : missing) {
                one(jdbc, row, update, updateValues, insert, insertValues);
            }
        }
    }

    private static <T> void one(JdbcTemplate jdbc, T row, String update,
                                ParameterizedPreparedStatementSetter<T> updateValues, String insert,
                                ParameterizedPreparedStatementSetter<T> insertValues) {
        if (jdbc.update(update, statement -> updateValues.setValues(statement, row)) > 0) {
            return;
        }
        try {
            jdbc.update(insert, statement -> insertValues.setValues(statement, row));
        } catch (DuplicateKeyException e) {
            jdbc.update(update, statement -> updateValues.setValues(statement, row));
        }
    }
}
