package dev.cordon.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's own files, for tests that keep docs and deployment files in step with the code. */
public final class Repository {

    /** {@code ${ENV_VAR}} or {@code ${ENV_VAR:default}} in an application.yml. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private Repository() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cordon.sh")) && Files.isDirectory(dir.resolve("shared-events"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Repository root not found above " + Path.of("").toAbsolutePath());
    }

    public static String read(String relativePath) {
        try {
            return Files.readString(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A module's main application.yml, e.g. {@code command-side/src/main/resources/application.yml}. */
    public static Path applicationYml(String module) {
        return root().resolve(module).resolve("src/main/resources/application.yml");
    }

    /** Every module's main application*.yml, whichever modules exist (new ones are picked up on their own). */
    public static List<Path> applicationYmls() {
        try (Stream<Path> modules = Files.list(root())) {
            return modules.filter(Files::isDirectory)
                    .map(m -> m.resolve("src/main/resources"))
                    .filter(Files::isDirectory)
                    .flatMap(Repository::ymlFiles)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> ymlFiles(Path resources) {
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variables an application.yml reads, each with its default ({@code null}: none). */
    public static Map<String, String> placeholders(Path applicationYml) {
        String yml;
        try {
            yml = Files.readString(applicationYml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : yml.lines().toList()) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                variables.put(m.group(1), m.group(2));
            }
        }
        return variables;
    }
}
