package dev.cordon.query.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void fromJdbcUrl_tellsPostgresqlFromH2() {
        assertThat(SqlDialect.fromJdbcUrl("jdbc:postgresql://127.0.0.1:5432/cordon_query"))
                .isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.fromJdbcUrl("jdbc:h2:tcp://127.0.0.1:9092/cordon_query;MODE=PostgreSQL"))
                .isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.fromJdbcUrl("JDBC:H2:mem:x")).isEqualTo(SqlDialect.H2);
    }

    @Test
    void fromJdbcUrl_otherDatabase_failsWithoutShowingTheRestOfTheUrl() {
        assertThatThrownBy(() -> SqlDialect.fromJdbcUrl("jdbc:mysql://db/q?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql:...")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SqlDialect.fromJdbcUrl(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
