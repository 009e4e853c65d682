package dev.cordon.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.query.support.TestDatabases;
import org.junit.jupiter.api.Test;

class DatabaseInitializerTest {

    @Test
    void databaseName_isTakenFromTheUrl() {
        assertThat(DatabaseInitializer.databaseName("jdbc:postgresql://db:5432/cordon_query?ssl=true"))
                .contains("cordon_query");
        assertThat(DatabaseInitializer.databaseName("jdbc:postgresql://h1:5432,h2:5432/q")).contains("q");
        assertThat(DatabaseInitializer.databaseName("jdbc:postgresql://db:5432/")).isEmpty();
        assertThat(DatabaseInitializer.databaseName("jdbc:h2:mem:x")).isEmpty();
    }

    @Test
    void maintenanceUrl_pointsAtPostgresKeepingParameters() {
        assertThat(DatabaseInitializer.maintenanceUrl("jdbc:postgresql://db:5432/cordon_query?ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/postgres?ssl=true");
    }

    @Test
    void createIfMissing_whenDatabaseMissing_createsItOnce() {
        String name = TestDatabases.randomName("cordon_init_test");
        try {
            assertThat(DatabaseInitializer.createIfMissing(TestDatabases.url(name), TestDatabases.USER, "")).isTrue();
            assertThat(TestDatabases.exists(name)).isTrue();
            assertThat(DatabaseInitializer.createIfMissing(TestDatabases.url(name), TestDatabases.USER, "")).isFalse();
        } finally {
            TestDatabases.drop(name);
        }
    }

    @Test
    void createIfMissing_whenNameUnsafe_doesNothing() {
        assertThat(DatabaseInitializer.createIfMissing(TestDatabases.url("x\";drop"), TestDatabases.USER, ""))
                .isFalse();
    }

    @Test
    void createIfMissing_whenServerUnreachable_doesNotThrow() {
        assertThat(DatabaseInitializer.createIfMissing("jdbc:postgresql://127.0.0.1:1/cordon_x", "postgres", ""))
                .isFalse();
    }
}
