package dev.cordon.standalone.database;

import dev.cordon.standalone.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import org.h2.tools.Server;

/**
 * The default database: an H2 TCP server inside the launcher, on a free loopback port, its files under the
 * data directory. Both services connect to it over TCP as they would to PostgreSQL, in H2's PostgreSQL mode.
 */
public final class EmbeddedH2 {

    /**
     * PostgreSQL's dialect, lower-case names and NULL order, which the services' SQL relies on; and every commit
     * written at once, or a launcher killed within H2's default half-second write delay would lose actions it had
     * confirmed (decision 8). Every URL of one database must carry the same options.
     */
    static final String URL_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    static final String USER = "sa";

    private EmbeddedH2() {
    }

    public static Databases start(Path baseDir, String eventStoreName, String queryName) {
        listenOnLoopbackOnly();
        try {
            OwnerOnly.directory(baseDir);
            String password = password(baseDir.resolve(".password"));
            createIfMissing(baseDir, eventStoreName, password);
            createIfMissing(baseDir, queryName, password);
            ownerOnlyFiles(baseDir);
            // Without -ifNotExists: a local user who could create a database of their own over TCP would be its
            // admin, and an H2 admin can write files and run code in this JVM. Only the two made above open.
            Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", baseDir.toString(), "-tcpDaemon")
                    .start();
            String prefix = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/";
            return new Databases(new JdbcTarget(prefix + eventStoreName + URL_OPTIONS, USER, password),
                    new JdbcTarget(prefix + queryName + URL_OPTIONS, USER, password), server::stop,
                    "H2 in " + baseDir);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the H2 server in " + baseDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * H2 would listen on every interface (refusing remote clients only at login); loopback is enough. H2 reads the
     * setting once, when its first class loads, so this must run before anything touches H2: the launcher's main
     * calls it first, and so does {@link #start} (for tests), before it opens a database file.
     */
    public static void listenOnLoopbackOnly() {
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /** Opening a database file in-process creates it, with {@link #USER} and the password as its admin. */
    private static void createIfMissing(Path baseDir, String name, String password) throws SQLException {
        String url = "jdbc:h2:" + baseDir.toAbsolutePath().resolve(name) + URL_OPTIONS;
        try (Connection ignored = DriverManager.getConnection(url, USER, password)) {
            // closed at once: the TCP server opens it next
        }
    }

    /** The database files and the password are the launcher user's alone. */
    /**
     * H2 runs in the launcher, whose umask is the user's: the database files it made are narrowed to their owner
     * (the event store is the audit trail). They keep their permissions when H2 rewrites them.
     */
    private static void ownerOnlyFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                OwnerOnly.narrow(file);
            }
        }
    }

    /**
     * Chosen once and kept with the data: any local user can reach a loopback port, and the event store is the
     * audit trail, so it is not open to whoever connects as "sa" without a password.
     */
    static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Created owner-only, not tightened afterwards: no moment in which another user could read it.
        OwnerOnly.newFile(file);
        Files.writeString(file, password);
        return password;
    }
}
