package dev.cordon.standalone.database;

/**
 * The two databases the services use, and what serves them.
 *
 * @param eventStore the command side's event store (the query side reads it too, for read-your-writes)
 * @param query      the query side's read models
 * @param server     an in-process server to stop last, or none for an external database
 */
public record Databases(JdbcTarget eventStore, JdbcTarget query, AutoCloseable server, String description) {
}
