package dev.cordon.service.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the query database if it does not exist yet, so that a fresh PostgreSQL server needs no manual step
 * before Flyway runs. Connects to the same server's {@code postgres} database to do so.
 */
public final class DatabaseInitializer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInitializer.class);
    /** jdbc:postgresql://host[:port][,host2...]/database[?params] */
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^/?]+)(\\?.*)?$");
    /** Names are written into CREATE DATABASE (identifiers cannot be bound), so only plain ones are accepted. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private DatabaseInitializer() {
    }

    /** @return the database name of a PostgreSQL JDBC URL, if it is one */
    static Optional<String> databaseName(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The same URL pointing at the server's {@code postgres} maintenance database. */
    static String maintenanceUrl(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database name");
        }
        return m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
    }

    /**
     * Creates the database named in {@code jdbcUrl} if missing. Failures are logged, not thrown:
     * if the database really is unusable, the data source and Flyway say so with a clearer error.
     *
     * @return true if this call created the database
     */
    public static boolean createIfMissing(String jdbcUrl, String username, String password) {
        Optional<String> name = jdbcUrl == null ? Optional.empty() : databaseName(jdbcUrl);
        if (name.isEmpty() || name.get().equals("postgres")) {
            return false;
        }
        if (!SAFE_NAME.matcher(name.get()).matches()) {
            log.warn("Not creating database '{}': unusual name, create it by hand", name.get());
            return false;
        }
        try (Connection connection = DriverManager.getConnection(maintenanceUrl(jdbcUrl), username, password)) {
            if (exists(connection, name.get())) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + name.get() + "\"");
            }
            log.info("Created database {}", name.get());
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return false; // another instance created it at the same moment
            }
            log.warn("Could not check or create database {}: {}", name.get(), e.getMessage());
            return false;
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
