package dev.cordon.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With CORDON_DATABASE_URL the launcher uses the user's PostgreSQL, creating what is missing, twice safely. */
class ExternalPostgresIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void drop() throws SQLException {
        for (String name : created) {
            execute("drop database if exists " + name + " with (force)");
        }
    }

    @Test
    void prepare_createsMissingDatabases_andFindsThemTheSecondTime() throws SQLException {
        String suffix = Long.toHexString(System.nanoTime());
        String events = "cordon_sa_pg_events_" + suffix;
        String query = "cordon_sa_pg_query_" + suffix;
        created.add(events);
        created.add(query);

        Databases first = ExternalPostgres.prepare(SERVER, "postgres", "", events, query);
        Databases second = ExternalPostgres.prepare(SERVER, "postgres", "", events, query);

        assertThat(first.eventStore().url()).isEqualTo(SERVER + events);
        assertThat(first.query().url()).isEqualTo(SERVER + query);
        assertThat(second).usingRecursiveComparison().ignoringFields("server").isEqualTo(first);
        try (Connection c = DriverManager.getConnection(first.eventStore().url(), "postgres", "");
             ResultSet name = c.createStatement().executeQuery("select current_database()")) {
            assertThat(name.next()).isTrue();
            assertThat(name.getString(1)).isEqualTo(events);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
