package dev.cordon.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class DataSourceConfigTest {

    /** A hung event store (a lock, a stalled server) must not hold a request thread: the server and socket give up. */
    @Test
    void eventStoreDataSource_hasStatementAndSocketTimeouts() {
        CordonProperties properties = new CordonProperties(new CordonProperties.Query(new CordonProperties.EventStore(
                true, "jdbc:postgresql://127.0.0.1:5432/cordon_events", "postgres", "")));
        try (HikariDataSource dataSource = new DataSourceConfig().eventStoreDataSource(properties)) {
            assertThat(dataSource.getDataSourceProperties())
                    .containsEntry("options", "-c statement_timeout=2000")
                    .containsEntry("socketTimeout", "5");
            assertThat(dataSource.isReadOnly()).isTrue();
        }
    }

    /** H2's driver knows none of PostgreSQL's settings; its own statement timeout does the server's part. */
    @Test
    void eventStoreDataSource_onH2_hasH2sStatementTimeout() {
        CordonProperties properties = new CordonProperties(new CordonProperties.Query(new CordonProperties.EventStore(
                true, "jdbc:h2:tcp://127.0.0.1:9092/cordon_events;MODE=PostgreSQL", "sa", "")));
        try (HikariDataSource dataSource = new DataSourceConfig().eventStoreDataSource(properties)) {
            assertThat(dataSource.getDataSourceProperties())
                    .containsEntry("QUERY_TIMEOUT", "2000")
                    .doesNotContainKeys("options", "socketTimeout", "connectTimeout");
            assertThat(dataSource.isReadOnly()).isTrue();
        }
    }
}
