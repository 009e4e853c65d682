package dev.cordon.standalone.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLayoutTest {

    @TempDir
    Path home;

    @Test
    void locate_aConfiguredHomeWithEveryProgram_isUsed() throws Exception {
        Files.createFile(home.resolve("command-side.jar"));
        Files.createFile(home.resolve("query-side.jar"));
        Files.createFile(home.resolve("token-service.jar"));
        Files.createFile(home.resolve("parent-watchdog.jar"));
        Files.createDirectory(home.resolve("kafka"));

        ProgramLayout layout = ProgramLayout.locate(home);

        assertThat(layout.commandSideJar()).isEqualTo(home.toAbsolutePath().resolve("command-side.jar"));
        assertThat(layout.tokenServiceJar()).isEqualTo(home.toAbsolutePath().resolve("token-service.jar"));
        assertThat(layout.kafkaLib()).isEqualTo(home.toAbsolutePath().resolve("kafka"));
    }

    @Test
    void locate_somethingMissing_saysHowToBuildIt() {
        assertThatThrownBy(() -> ProgramLayout.locate(home))
                .isInstanceOf(StartupFailedException.class)
                .hasMessageContaining(home.toString())
                .hasMessageContaining("mvn -B -q -DskipTests package");
    }
}
