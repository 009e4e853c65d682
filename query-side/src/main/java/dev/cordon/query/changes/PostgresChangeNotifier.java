package dev.cordon.query.changes;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: several instances share the read models and split the topic's partitions, so a change is announced
 * through the database. NOTIFY inside the projection's transaction is delivered when, and only if, it commits, to
 * every instance's {@link PostgresChangeListener}, this one's included.
 */
final class PostgresChangeNotifier implements ChangeNotifier {

    static final String CHANGES = "cordon_changes";
    static final String RESETS = "cordon_changes_reset";

    private final JdbcTemplate jdbc;

    PostgresChangeNotifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void changed(Change change) {
        notify(CHANGES, change.toNotification());
    }

    /** Outside a transaction (after a rebuild's switch): delivered at once. */
    @Override
    public void reset() {
        notify(RESETS, "{}");
    }

    private void notify(String channel, String payload) {
        jdbc.query("SELECT pg_notify(?, ?)", rs -> {
        }, channel, payload);
    }
}
