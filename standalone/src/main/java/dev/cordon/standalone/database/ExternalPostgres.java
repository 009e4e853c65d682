package dev.cordon.standalone.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A PostgreSQL server the user already runs: the two databases are created on it if they are missing. */
public final class ExternalPostgres {

    private static final String PREFIX = "jdbc:";
    /** Names go into DDL, which cannot take a bind parameter. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private ExternalPostgres() {
    }

    public static Databases prepare(String serverUrl, String user, String password, String eventStoreName,
            String queryName) {
        JdbcTarget eventStore = new JdbcTarget(withDatabase(serverUrl, eventStoreName), user, password);
        JdbcTarget query = new JdbcTarget(withDatabase(serverUrl, queryName), user, password);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            createIfMissing(connection, eventStoreName);
            createIfMissing(connection, queryName);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + withoutParameters(serverUrl) + " (user " + user
                    + ") could not be used: " + e.getMessage(), e);
        }
        return new Databases(eventStore, query, () -> { }, "PostgreSQL at " + withoutParameters(serverUrl));
    }

    /** The same server, port and parameters, another database. */
    static String withDatabase(String serverUrl, String database) {
        String scheme = PREFIX + "postgresql://";
        if (!serverUrl.startsWith(scheme)) {
            throw new IllegalArgumentException("CORDON_DATABASE_URL must look like jdbc:postgresql://host:port/, not "
                    + withoutParameters(serverUrl));
        }
        if (!database.isEmpty() && !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        String rest = serverUrl.substring(scheme.length());
        int query = rest.indexOf('?');
        String parameters = query < 0 ? "" : rest.substring(query);
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        int slash = beforeQuery.indexOf('/');
        String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        return scheme + hosts + "/" + database + parameters;
    }

    /** For logs and messages: a URL's parameters may hold a password ({@code ?password=}, {@code sslpassword=}). */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    private static void createIfMissing(Connection connection, String name) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("create database " + name);
        }
    }
}
