package dev.cordon.query.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Throw-away databases on the local PostgreSQL (trust auth, user postgres), one per test run or class. */
public final class TestDatabases {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    private TestDatabases() {
    }

    public static String randomName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static String url(String database) {
        return SERVER + database;
    }

    /** Creates a database and drops it when the JVM exits (FORCE: the cached Spring context may still hold connections). */
    public static String create(String prefix) {
        String name = randomName(prefix);
        createDatabase(name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return name;
    }

    /**
     * CREATE DATABASE, with commits that do not wait for the WAL flush (this database only, never the server's
     * setting): a throw-away database needs no durability after a crash of the server.
     */
    public static void createDatabase(String name) {
        execute("postgres", "CREATE DATABASE " + name);
        execute("postgres", "ALTER DATABASE " + name + " SET synchronous_commit = off");
    }

    public static void drop(String name) {
        try {
            execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            // best effort at shutdown
        }
    }

    public static boolean exists(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             var query = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            return query.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(url(database), USER, "");
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + database + ": " + sql, e);
        }
    }
}
