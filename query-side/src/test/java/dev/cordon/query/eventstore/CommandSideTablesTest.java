package dev.cordon.query.eventstore;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.cordon.query.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every statement the query side runs on the command side's database runs on one made by the command side's own
 * migrations, on PostgreSQL and on H2 (the standalone mode's): a command-side migration that renames, drops or retypes
 * a column the query side reads fails here.
 */
class CommandSideTablesTest {

    /** Relative to the query-side module directory, the tests' working directory. */
    private static final String MIGRATIONS = "filesystem:../command-side/src/main/resources/db/migration/";
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void everyStatement_runsOnTheCommandSidesSchema(String vendor) throws SQLException {
        String url = vendor.equals("h2")
                ? "jdbc:h2:mem:command-side-" + UUID.randomUUID() + H2_OPTIONS + ";DB_CLOSE_DELAY=-1"
                : TestDatabases.url(TestDatabases.create("cordon_cmd_schema"));
        String user = vendor.equals("h2") ? "sa" : TestDatabases.USER;
        Flyway.configure().dataSource(url, user, "").locations(MIGRATIONS + vendor).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            for (CommandSideTables.Statement statement : CommandSideTables.ALL) {
                assertThatCode(() -> run(connection, statement)).as(vendor + ": " + statement.sql())
                        .doesNotThrowAnyException();
            }
        }
    }

    private static Object presenceParameter(int i) {
        return i <= 2 ? new java.sql.Timestamp(0) : i == 3 ? "" : 10;
    }

    private static void run(Connection connection, CommandSideTables.Statement statement) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
            for (int i = 1; i <= statement.parameters(); i++) {
                query.setObject(i, i == 1 && statement.sql().contains("action_id = ?") ? "act-1"
                        : statement.sql().contains("device_presence") ? presenceParameter(i) : (long) i);
            }
            query.executeQuery().close();
        }
    }
}
