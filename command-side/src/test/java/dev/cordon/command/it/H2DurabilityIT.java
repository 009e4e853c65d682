package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.command.support.H2TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An accepted command's events must not vanish when standalone mode's H2 server dies without shutting down (a
 * kill, a crash of the launcher). With standalone mode's URL options every commit is written at once; with H2's
 * defaults, this test loses the rows committed in the last half second.
 */
class H2DurabilityIT {

    private static final Pattern PORT = Pattern.compile("tcp://[^:]+:(\\d+)");

    @Test
    void committedRows_surviveAKilledServer(@TempDir Path baseDir) throws Exception {
        Process server = startServer(baseDir);
        try {
            Connection open = DriverManager.getConnection(url(port(server)), H2TestServer.USER, "");
            try (Statement statement = open.createStatement()) {
                statement.execute("create table accepted (id integer primary key)");
                for (int i = 0; i < 50; i++) {
                    statement.execute("insert into accepted values (" + i + ")"); // each one committed
                }
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, the connection still open
            } finally {
                closeQuietly(open);
            }
        } finally {
            stop(server);
        }

        Process restarted = startServer(baseDir);
        try (Connection connection = DriverManager.getConnection(url(port(restarted)), H2TestServer.USER, "");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from accepted")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(50);
        } finally {
            stop(restarted);
        }
    }

    private static String url(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/durability" + H2TestServer.URL_OPTIONS;
    }

    /** The server in a process of its own, so that it can be killed; on a free port, which it prints. */
    private static Process startServer(Path baseDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String h2Jar = Path.of(Server.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return new ProcessBuilder(java, "-cp", h2Jar, "org.h2.tools.Server", "-tcp", "-tcpPort", "0",
                "-baseDir", baseDir.toString(), "-ifNotExists").redirectErrorStream(true).start();
    }

    private static int port(Process server) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            Matcher port = PORT.matcher(line);
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
        }
        throw new IllegalStateException("The H2 server printed no port; exit " + server.waitFor());
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // its server is gone
        }
    }
}
