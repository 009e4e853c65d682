package dev.cordon.command.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test class on the local server (CORDON_TEST_PG_URL, default
 * 127.0.0.1:5432 as postgres), dropped when the JVM ends, so test runs never see each other's events.
 * Commits on it do not wait for the WAL flush (synchronous_commit=off for this database only, never the
 * server's setting): a throw-away database needs no durability after a crash of the server, and the suite's
 * thousands of commands no longer wait for the disk.
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv().getOrDefault("CORDON_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("CORDON_TEST_PG_USER", "postgres");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        execute("alter database " + name + " set synchronous_commit = off");
        TestDatabase db = new TestDatabase(name);
        Runtime.getRuntime().addShutdownHook(new Thread(db::drop));
        return db;
    }

    public String url() {
        return SERVER + name;
    }

    public String user() {
        return USER;
    }

    /**
     * The database as if its server were gone, for this database only (the server is shared): its sessions are ended
     * and new ones refused until {@link #allowConnections()}.
     */
    public void refuseConnections() {
        execute("alter database " + name + " with allow_connections false");
        execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
    }

    public void allowConnections() {
        execute("alter database " + name + " with allow_connections true");
    }

    private void drop() {
        try {
            execute("drop database if exists " + name + " with (force)");
        } catch (RuntimeException ignored) {
            // best effort at shutdown
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " refused: " + sql, e);
        }
    }
}
