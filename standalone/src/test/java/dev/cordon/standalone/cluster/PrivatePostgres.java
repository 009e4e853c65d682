package dev.cordon.standalone.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, which it may stop (the machine's server is shared and never stopped): the
 * Debian binaries run as the {@code postgres} OS user on a temporary data directory and a free port, stopped by the
 * postmaster's PID and started again on the same directory.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private Process runner;

    private PrivatePostgres(Path bin, Path dataDir, Path log, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    /** Needs root (to act as the postgres user) and a Debian PostgreSQL in /usr/lib/postgresql. */
    static PrivatePostgres initAndStart(Path workDir) {
        Path bin = binaries();
        try {
            Path home = Files.createDirectories(workDir.resolve("postgres"));
            Path data = home.resolve("data");
            run(List.of("chown", OS_USER, home.toString()));
            Files.setPosixFilePermissions(workDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            run(asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
            PrivatePostgres server = new PrivatePostgres(bin, data, home.resolve("postgres.log"), freePort());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** Starts the server (again) on its data directory and waits until it takes connections. */
    void start() {
        List<String> command = asPostgres(bin.resolve("postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + dataDir, "-c", "fsync=off", "-c", "max_connections=60",
                "-c", "shared_buffers=32MB");
        try {
            runner = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException notYet) {
                sleep(200);
            }
        }
        throw new AssertionError("The private PostgreSQL did not start; see " + log);
    }

    /** A fast shutdown (SIGINT to the postmaster): open connections are cut, the clients see the outage at once. */
    void stop() {
        postmasterPid().ifPresent(pid -> {
            ProcessHandle.of(pid).ifPresent(handle -> {
                signal("-INT", pid);
                handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        });
        if (runner != null) {
            try {
                runner.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The postmaster's PID, from its own pid file (runuser forks, so the runner's PID is not the server's). */
    private Optional<Long> postmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            return Files.exists(pidFile)
                    ? Optional.of(Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stopped and its directory removed, also after a failed test. */
    @Override
    public void close() {
        stop();
        postmasterPid().ifPresent(pid -> signal("-KILL", pid));
        try (Stream<Path> files = Files.walk(dataDir.getParent())) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new AssertionError("No PostgreSQL in /usr/lib/postgresql"));
        } catch (IOException e) {
            throw new AssertionError("No PostgreSQL in /usr/lib/postgresql", e);
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", OS_USER, "--"));
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void signal(String signal, long pid) {
        run(List.of("kill", signal, Long.toString(pid)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
