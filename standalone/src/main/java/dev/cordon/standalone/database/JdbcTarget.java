package dev.cordon.standalone.database;

/** How a service reaches its database. */
public record JdbcTarget(String url, String user, String password) {
}
