package dev.cordon.standalone.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.standalone.config.StandaloneProperties;
import dev.cordon.standalone.process.FreePorts;
import dev.cordon.standalone.startup.StartupFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class CordonServiceTest {

    @TempDir
    Path dir;

    /** A jar that is not a service at all: the JVM exits at once, and the launcher must not wait minutes. */
    @Test
    void aServiceThatExitsDuringStartUp_failsAtOnce_namingItsLog() throws IOException {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a jar");
        Path log = dir.resolve("logs").resolve("command-side.log");
        Path output = dir.resolve("logs").resolve("command-side.out");
        CordonService service = CordonService.start("command side", notAJar, FreePorts.next(), Map.of(),
                List.of(), agent(), log, new StandaloneProperties.Logs(DataSize.ofMegabytes(10),
                        DataSize.ofMegabytes(100)));

        long begin = System.nanoTime();
        assertThatThrownBy(() -> service.awaitHealthy(Duration.ofMinutes(3)))
                .isInstanceOf(StartupFailedException.class)
                .hasMessageContaining("The command side exited during start-up")
                .hasMessageContaining(output.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofMinutes(1));
        assertThat(Files.readString(output)).as("what the JVM said, before any log of its own").isNotBlank();
    }

    /** An agent jar is not needed to fail; a missing one makes the JVM exit the same way. */
    private Path agent() throws IOException {
        return Files.writeString(dir.resolve("agent.jar"), "");
    }
}
