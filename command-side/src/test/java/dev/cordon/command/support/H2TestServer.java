package dev.cordon.command.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.tools.Server;

/**
 * An H2 TCP server as standalone mode runs one: a free port, only local connections, a throw-away base directory,
 * and databases created on their first connection. Close it after the applications that use it.
 */
public final class H2TestServer implements AutoCloseable {

    /**
     * The options standalone mode puts on every H2 URL it gives the services: PostgreSQL's dialect, lower-case
     * names and NULL ordering, and every commit written at once (H2 otherwise delays writes by up to half a
     * second, and a killed server loses what was committed in that time; see H2DurabilityIT).
     */
    public static final String URL_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    public static final String USER = "sa";

    private final Server server;
    private final Path baseDir;

    private H2TestServer(Server server, Path baseDir) {
        this.server = server;
        this.baseDir = baseDir;
    }

    public static H2TestServer start() {
        try {
            Path baseDir = Files.createTempDirectory("cordon-h2-");
            Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", baseDir.toString(), "-ifNotExists")
                    .start();
            return new H2TestServer(server, baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 TCP server did not start", e);
        }
    }

    /** The URL of {@code database} on this server, as standalone mode writes it. */
    public String url(String database) {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + database + URL_OPTIONS;
    }

    @Override
    public void close() {
        server.stop();
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
