package dev.cordon.service.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** On the local PostgreSQL (trust authentication for postgres on 127.0.0.1:5432), as every database test here. */
class DatabaseInitializerTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    @Test
    void databaseName_isTakenFromTheUrl() {
        assertThat(DatabaseInitializer.databaseName("jdbc:postgresql://db:5432/cordon_query?ssl=true"))
                .contains("cordon_query");
        assertThat(DatabaseInitializer.databaseName("jdbc:postgresql://h1:5432,h2:5432/q")).contains("q");
        assertThat(DatabaseInitializer.databaseName("jdbc:postgresql://db:5432/")).isEmpty();
        assertThat(DatabaseInitializer.databaseName("jdbc:h2:mem:x")).isEmpty();
    }

    @Test
    void maintenanceUrl_pointsAtPostgresKeepingParameters() {
        assertThat(DatabaseInitializer.maintenanceUrl("jdbc:postgresql://db:5432/cordon_query?ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/postgres?ssl=true");
    }

    @Test
    void createIfMissing_whenDatabaseMissing_createsItOnce() {
        String name = "cordon_init_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            assertThat(DatabaseInitializer.createIfMissing(url(name), USER, "")).isTrue();
            assertThat(exists(name)).isTrue();
            assertThat(DatabaseInitializer.createIfMissing(url(name), USER, "")).isFalse();
        } finally {
            drop(name);
        }
    }

    @Test
    void createIfMissing_whenNameUnsafe_doesNothing() {
        assertThat(DatabaseInitializer.createIfMissing(url("x\";drop"), USER, ""))
                .isFalse();
    }

    @Test
    void createIfMissing_whenServerUnreachable_doesNotThrow() {
        assertThat(DatabaseInitializer.createIfMissing("jdbc:postgresql://127.0.0.1:1/cordon_x", "postgres", ""))
                .isFalse();
    }

    private static String url(String database) {
        return SERVER + database;
    }

    private static boolean exists(String name) {
        try (var c = DriverManager.getConnection(url("postgres"), USER, "");
             var query = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            return query.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drop(String name) {
        try (var c = DriverManager.getConnection(url("postgres"), USER, ""); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
