package dev.cordon.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedH2Test {

    @TempDir
    Path data;

    /** The TCP server's listening sockets, from /proc/net/tcp and tcp6: only loopback, no wildcard. */
    @Test
    void start_listensOnLoopbackOnly() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc/net/tcp");
        Databases databases = EmbeddedH2.start(data.resolve("h2"), "cordon_events", "cordon_query");
        try {
            String url = databases.eventStore().url();
            int port = Integer.parseInt(url.substring("jdbc:h2:tcp://127.0.0.1:".length(), url.indexOf('/', 20)));
            List<String> listening = new ArrayList<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[3].equals("0A") && fields[1].endsWith(String.format(":%04X", port))) {
                        listening.add(fields[1].substring(0, fields[1].indexOf(':')));
                    }
                }
            }
            assertThat(listening).as("listening addresses of port " + port).isNotEmpty()
                    .allSatisfy(address -> assertThat(address).isIn("0100007F", "0000000000000000FFFF00000100007F"));
        } finally {
            databases.server().close();
        }
    }

    @Test
    void start_servesBothDatabasesOverTcp_withTheirFilesInTheDataDirectory() throws Exception {
        Databases databases = EmbeddedH2.start(data.resolve("h2"), "cordon_events", "cordon_query");
        try {
            assertThat(databases.eventStore().url()).startsWith("jdbc:h2:tcp://127.0.0.1:")
                    .endsWith("/cordon_events;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            assertThat(databases.query().url()).contains("/cordon_query;MODE=PostgreSQL");
            assertThat(databases.eventStore().user()).isEqualTo("sa");
            try (Connection c = connect(databases.eventStore());
                 ResultSet rows = c.createStatement().executeQuery("select 1")) {
                assertThat(rows.next()).isTrue();
            }
            connect(databases.query()).close();
            assertThat(data.resolve("h2/cordon_events.mv.db")).exists();
            assertThat(data.resolve("h2/cordon_query.mv.db")).exists();
        } finally {
            databases.server().close();
        }
    }

    @Test
    void theDatabases_needThePasswordKeptWithTheData_andTheNextStartUsesTheSame() throws Exception {
        Path baseDir = data.resolve("h2");
        Databases first = EmbeddedH2.start(baseDir, "cordon_events", "cordon_query");
        try {
            connect(first.eventStore()).close();
            assertThatThrownBy(() -> DriverManager.getConnection(first.eventStore().url(), "sa", "").close())
                    .isInstanceOf(SQLException.class);
        } finally {
            first.server().close();
        }
        assertThat(Files.getPosixFilePermissions(baseDir.resolve(".password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Databases second = EmbeddedH2.start(baseDir, "cordon_events", "cordon_query");
        try {
            assertThat(second.eventStore().password()).isEqualTo(first.eventStore().password());
            connect(second.eventStore()).close();
        } finally {
            second.server().close();
        }
    }

    /** An H2 admin can write files and run code in the launcher's JVM: nobody may become one of a new database. */
    @Test
    void aDatabaseOtherThanTheTwo_cannotBeCreatedOverTcp_andTheDataIsOwnerOnly() throws Exception {
        Path baseDir = data.resolve("h2");
        Databases databases = EmbeddedH2.start(baseDir, "cordon_events", "cordon_query");
        try {
            String other = databases.eventStore().url().replace("/cordon_events;", "/mine;");
            assertThatThrownBy(() -> DriverManager.getConnection(other, "me", "mine").close())
                    .isInstanceOf(SQLException.class);
            assertThat(baseDir.resolve("mine.mv.db")).doesNotExist();
            assertThat(Files.getPosixFilePermissions(baseDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(baseDir.resolve("cordon_events.mv.db")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        } finally {
            databases.server().close();
        }
    }

    private static Connection connect(JdbcTarget target) throws SQLException {
        return DriverManager.getConnection(target.url(), target.user(), target.password());
    }
}
