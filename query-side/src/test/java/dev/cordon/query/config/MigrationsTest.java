package dev.cordon.query.config;

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

    /** As applied to existing query databases before the move into postgresql/: Flyway's checksums depend on it. */
    private static final Map<String, String> APPLIED = Map.of(
            "V1__read_models.sql", "c5afb71cac88d3f1d40a62d7de7a21c59ba2e7f769de189bf7be40aa2d295436",
            "V2__last_sequence.sql", "f3ac43d26e99104949962dd54fcbc41a7c67ef76007c594566fc6325de806ba7");

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
