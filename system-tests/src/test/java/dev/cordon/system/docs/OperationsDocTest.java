package dev.cordon.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.system.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docs/operations.md lists every setting of every module: each {@code ${VAR:default}} of a module's
 * application.yml is a row of that module's table, with its property and default, and every row is one.
 */
class OperationsDocTest {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final String EMPTY = "(empty)";
    private static final String REQUIRED = "(required)";

    record Row(String property, String variable, String fallback) {
    }

    @Test
    void everyModulesSettings_areDocumented_withTheirPropertyAndDefault() {
        Map<String, List<Row>> documented = tables(Repository.read("docs/operations.md"));
        List<Path> ymls = Repository.applicationYmls();
        assertThat(ymls).as("application.yml files found").isNotEmpty();
        for (Path yml : ymls) {
            String module = Repository.root().relativize(yml).getName(0).toString();
            assertThat(documented).as("docs/operations.md has a '### " + module + "' table").containsKey(module);
            Map<String, Row> expected = new LinkedHashMap<>();
            for (Row row : rowsOf(yml)) {
                expected.put(row.variable(), row);
            }
            Map<String, Row> actual = new LinkedHashMap<>();
            for (Row row : documented.get(module)) {
                assertThat(actual).as(module + ": " + row.variable() + " documented twice").doesNotContainKey(row.variable());
                actual.put(row.variable(), row);
            }
            assertThat(actual.keySet()).as(module + ": environment variables in docs/operations.md vs " + yml)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (Row row : expected.values()) {
                assertThat(actual.get(row.variable())).as(module + ": " + row.variable()).isEqualTo(row);
            }
        }
    }

    /** Tables of modules not in the repository (yet) are not checked; the ones that are must not be empty. */
    @Test
    void tablesOfModulesInTheRepository_areChecked() {
        Map<String, List<Row>> documented = tables(Repository.read("docs/operations.md"));
        assertThat(documented).containsKeys("command-side", "query-side");
        for (String module : documented.keySet()) {
            if (Files.isDirectory(Repository.root().resolve(module))) {
                assertThat(Files.isRegularFile(Repository.applicationYml(module)))
                        .as(module + " is documented and has an application.yml").isTrue();
            }
        }
    }

    /** Each {@code ### module} heading under "## Configuration" followed by a property table. */
    static Map<String, List<Row>> tables(String markdown) {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        boolean inConfiguration = false;
        String module = null;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("## ")) {
                inConfiguration = line.equals("## Configuration");
                module = null;
            } else if (inConfiguration && line.startsWith("### ")) {
                module = line.substring(4).strip();
                tables.put(module, new ArrayList<>());
            } else if (module != null && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String fallback = cells[3].strip();
                fallback = fallback.equals(EMPTY) ? "" : fallback.equals(REQUIRED) ? null : unquote(fallback);
                tables.get(module).add(new Row(unquote(cells[1].strip()), unquote(cells[2].strip()), fallback));
            }
        }
        return tables;
    }

    private static String unquote(String cell) {
        assertThat(cell).as("a code span").startsWith("`").endsWith("`");
        return cell.substring(1, cell.length() - 1);
    }

    /** Every environment variable of an application.yml, with the property it sets and its default. */
    @SuppressWarnings("unchecked")
    static List<Row> rowsOf(Path yml) {
        List<Row> rows = new ArrayList<>();
        try {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(yml))) {
                if (document instanceof Map<?, ?> map) {
                    flatten("", (Map<String, Object>) map, rows);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(rows.stream().map(Row::variable).toList()).as(yml + " variables (from the text)")
                .containsExactlyInAnyOrderElementsOf(Repository.placeholders(yml).keySet());
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, List<Row> rows) {
        for (var entry : map.entrySet()) {
            String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> child) {
                flatten(key, (Map<String, Object>) child, rows);
            } else if (entry.getValue() != null) {
                Matcher m = ENV.matcher(entry.getValue().toString());
                while (m.find()) {
                    rows.add(new Row(key, m.group(1), m.group(2)));
                }
            }
        }
    }
}
