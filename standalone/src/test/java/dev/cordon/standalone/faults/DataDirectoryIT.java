package dev.cordon.standalone.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cordon.standalone.run.LauncherProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A data directory Cordon cannot use is refused at once, in one sentence, before anything is started: one without
 * room (a 64 MB tmpfs, below the 256 MB default), and one on a read-only mount (root ignores file permissions).
 */
class DataDirectoryIT {

    private Path workingDirectory;
    private final Mounts mounts = new Mounts();
    private LauncherProcess launcher;

    @BeforeEach
    void createWorkingDirectory() throws IOException {
        workingDirectory = Files.createTempDirectory("cordon-data-directory-it-");
        assumeTrue(Mounts.permitted(workingDirectory.resolve("probe")), "mount (root) is needed");
    }

    @AfterEach
    void leaveNothingBehind() throws IOException {
        try {
            if (launcher != null) {
                launcher.close();
            }
        } finally {
            mounts.close();
            try (Stream<Path> files = Files.walk(workingDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aFullDataDirectory_isRefusedAtOnce_namingItAndTheSpaceNeeded() throws Exception {
        Path data = workingDirectory.resolve("full");
        mounts.tmpfs(data, "64m");

        String output = startAndAwaitFailure(data);

        assertThat(output).containsPattern("The data directory " + java.util.regex.Pattern.quote(data.toString())
                + " has \\d+ MB free; Cordon needs at least 256 MB to accept commands\\. Free space there\\.");
    }

    @Test
    void aReadOnlyDataDirectory_isRefusedAtOnce_inOneSentence() throws Exception {
        Path source = Files.createDirectories(workingDirectory.resolve("source"));
        Path data = workingDirectory.resolve("read-only");
        mounts.readOnlyBind(source, data);

        String output = startAndAwaitFailure(data);

        assertThat(output).contains("The data directory " + data + " is not writable (a read-only file system or no"
                + " permission); Cordon keeps its databases, broker storage and logs there.");
    }

    private String startAndAwaitFailure(Path data) throws IOException {
        Instant begin = Instant.now();
        launcher = LauncherProcess.start(workingDirectory, Map.of("CORDON_PORT", Integer.toString(freePort()),
                "CORDON_DATA_DIR", data.toString()), data.getFileName() + ".out");
        assertThat(launcher.awaitExit(Duration.ofSeconds(60))).as("the launcher gave up").isTrue();
        String output = launcher.output();
        System.out.printf("Refused the data directory %s after %.1f s%n", data,
                Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        assertThat(launcher.exitValue()).isNotZero();
        assertThat(launcher.descendants()).isEmpty();
        assertThat(output).doesNotContain("\tat ", "Exception", "Starting the Kafka broker");
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
