package dev.cordon.query.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The event-store pool bounds every statement (its lookups are single rows; see DataSourceConfig), which a stream of
 * the whole history outlasts. The bound is lifted for the one connection that streams, by each database's means:
 * PostgreSQL's {@code SET LOCAL statement_timeout} ends with the transaction by itself; H2's QUERY_TIMEOUT is a
 * session setting (JDBC's {@code Statement.setQueryTimeout} sets that same setting there, in whole seconds), so it
 * is put back before the connection returns to the pool.
 */
final class StreamTimeout {

    private final Connection connection;
    /** Null where the database restores it itself. */
    private final String restore;

    private StreamTimeout(Connection connection, String restore) {
        this.connection = connection;
        this.restore = restore;
    }

    /** Inside the transaction the stream reads in. */
    static StreamTimeout lift(Connection connection) throws SQLException {
        boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            if (!h2) {
                statement.execute("SET LOCAL statement_timeout = 0");
                return new StreamTimeout(connection, null);
            }
            long previous;
            try (ResultSet rs = statement.executeQuery("""
                    SELECT setting_value FROM information_schema.settings WHERE setting_name = 'QUERY_TIMEOUT'""")) {
                previous = rs.next() ? Long.parseLong(rs.getString(1)) : 0;
            }
            statement.execute("SET QUERY_TIMEOUT 0");
            return new StreamTimeout(connection, "SET QUERY_TIMEOUT " + previous);
        }
    }

    /** A connection whose bound cannot be put back leaves the pool rather than serve lookups unbounded. */
    void restore(DataSource pool) throws SQLException {
        if (restore == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(restore);
        } catch (SQLException e) {
            if (pool.isWrapperFor(HikariDataSource.class)) {
                pool.unwrap(HikariDataSource.class).evictConnection(connection);
            }
            throw e;
        }
    }
}
