package dev.cordon.standalone.startup;

import dev.cordon.standalone.StandaloneApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.system.ApplicationHome;

/**
 * The programs the launcher starts, as the build lays them out beside its jar:
 * {@code cordon.jar} and
 * {@code cordon/{command-side.jar, query-side.jar, token-service.jar, kafka/*.jar, parent-watchdog.jar}}.
 */
public record ProgramLayout(Path home, Path commandSideJar, Path querySideJar, Path tokenServiceJar, Path kafkaLib,
                            Path watchdogAgent) {

    public static final String DIRECTORY = "cordon";

    static ProgramLayout of(Path home) {
        return new ProgramLayout(home, home.resolve("command-side.jar"), home.resolve("query-side.jar"),
                home.resolve("token-service.jar"), home.resolve("kafka"), home.resolve("parent-watchdog.jar"));
    }

    /** @param configured {@code cordon.standalone.home}; unset: next to the launcher's jar (or target/classes) */
    public static ProgramLayout locate(Path configured) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.toString().isBlank()) {
            candidates.add(configured);
        } else {
            Path dir = new ApplicationHome(StandaloneApplication.class).getDir().toPath();
            candidates.add(dir.resolve(DIRECTORY));
            if (dir.getParent() != null) {
                candidates.add(dir.getParent().resolve(DIRECTORY));
            }
        }
        for (Path candidate : candidates) {
            ProgramLayout layout = of(candidate.toAbsolutePath().normalize());
            if (layout.complete()) {
                return layout;
            }
        }
        throw new StartupFailedException("The programs the launcher starts were not found (looked in "
                + candidates + "); build them with: mvn -B -q -DskipTests package", null);
    }

    boolean complete() {
        return Files.isRegularFile(commandSideJar) && Files.isRegularFile(querySideJar)
                && Files.isRegularFile(tokenServiceJar) && Files.isRegularFile(watchdogAgent) && Files.isDirectory(kafkaLib);
    }
}
