package dev.cordon.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Flyway picks db/migration/{vendor} by the JDBC URL: the PostgreSQL and H2 schemas must stay twins. */
class MigrationsTest {

    /** As applied to existing event stores before the move into postgresql/: Flyway's checksums depend on it. */
    private static final Map<String, String> APPLIED = Map.of(
            "V1__event_store.sql", "669833430d5960abc36014630149782f755726aeed9742b0cdc678f49cac8a70",
            "V2__scheduled_tasks.sql", "b8aac0a46e21bb0dee76cad4e445742f0dd411b18db734bc36d5fe363d017051",
            "V3__action_index.sql", "963e140a65ae1abf9daac6df8e363d2389d899b9227e314b1b0c4aa5bb569d65");

    @Test
    void everyPostgresqlMigration_hasAnH2Twin_ofTheSameVersionAndName() throws IOException {
        List<String> postgresql = names("postgresql");
        assertThat(postgresql).isNotEmpty();
        assertThat(names("h2")).isEqualTo(postgresql);
    }

    @Test
    void appliedPostgresqlMigrations_areByteForByteUnchanged() throws Exception {
        for (Resource migration : migrations("postgresql")) {
            String expected = APPLIED.get(migration.getFilename());
            if (expected != null) {
                try (InputStream in = migration.getInputStream()) {
                    assertThat(sha256(in.readAllBytes())).as(migration.getFilename()).isEqualTo(expected);
                }
            }
        }
        assertThat(names("postgresql")).containsAll(APPLIED.keySet());
    }

    private static List<String> names(String vendor) throws IOException {
        return Arrays.stream(migrations(vendor)).map(Resource::getFilename).sorted().toList();
    }

    private static Resource[] migrations(String vendor) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/" + vendor + "/*.sql");
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
