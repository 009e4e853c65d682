package dev.cordon.benchmark.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the benchmark measures on. It is shared (other work may use it), so the benchmark only
 * creates and drops databases of its own names and holds one connection at a time.
 */
public final class LocalPostgres {

    /** Names go into DDL, which takes no bind parameters. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;

    public LocalPostgres(String host, int port, String user) {
        this.host = host;
        this.port = port;
        this.user = user;
    }

    /** {@code CORDON_BENCH_PG_HOST}, {@code CORDON_BENCH_PG_PORT}, {@code CORDON_BENCH_PG_USER}; else the local one. */
    public static LocalPostgres fromEnvironment() {
        return new LocalPostgres(env("CORDON_BENCH_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("CORDON_BENCH_PG_PORT", "5432")), env("CORDON_BENCH_PG_USER", "postgres"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The server URL the launcher's external-database option takes. */
    public String serverUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/";
    }

    public void recreateDatabase(String name) {
        dropDatabase(name);
        execute("postgres", "create database " + checked(name));
    }

    public void dropDatabase(String name) {
        execute("postgres", "drop database if exists " + checked(name) + " with (force)");
    }

    public void runScript(String database, Path script) {
        try {
            execute(database, Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server processes that serve these databases now: the command and query sides' pooled connections. */
    public List<Long> backendsOf(List<String> databases) {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = connect("postgres");
             PreparedStatement query = connection.prepareStatement(
                     "select pid from pg_stat_activity where datname = any (?) and pid <> pg_backend_pid()")) {
            query.setArray(1, connection.createArrayOf("text", databases.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list PostgreSQL's backends: " + e.getMessage(), e);
        }
        return pids;
    }

    private void execute(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, "");
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        return name;
    }
}
