package dev.cordon.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExternalPostgresTest {

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://127.0.0.1:5432/,                      jdbc:postgresql://127.0.0.1:5432/cordon_events",
            "jdbc:postgresql://127.0.0.1:5432,                       jdbc:postgresql://127.0.0.1:5432/cordon_events",
            "jdbc:postgresql://db.example/postgres,                  jdbc:postgresql://db.example/cordon_events",
            "jdbc:postgresql://db:5432/x?sslmode=require&a=%20,      jdbc:postgresql://db:5432/cordon_events?sslmode=require&a=%20",
            "'jdbc:postgresql://h1:5432,h2:5432/x?targetServerType=primary', 'jdbc:postgresql://h1:5432,h2:5432/cordon_events?targetServerType=primary'",
    })
    void withDatabase_keepsServerPortAndParameters(String server, String expected) {
        assertThat(ExternalPostgres.withDatabase(server, "cordon_events")).isEqualTo(expected);
    }

    @Test
    void withDatabase_rejectsWhatIsNotAPostgresUrlOrNotAPlainName() {
        assertThatThrownBy(() -> ExternalPostgres.withDatabase("jdbc:mysql://x/", "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://host:port/");
        assertThatThrownBy(() -> ExternalPostgres.withDatabase("jdbc:postgresql://x/", "a; drop database b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutParameters_keepsAPasswordInTheUrlOutOfLogs() {
        assertThat(ExternalPostgres.withoutParameters("jdbc:postgresql://db:5432/?password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/?...");
        assertThat(ExternalPostgres.withoutParameters("jdbc:postgresql://db:5432/")).isEqualTo("jdbc:postgresql://db:5432/");
    }
}
