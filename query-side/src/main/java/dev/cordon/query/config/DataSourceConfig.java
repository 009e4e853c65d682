package dev.cordon.query.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.cordon.query.action.EventStoreActionLookup;
import dev.cordon.query.jdbc.SqlDialect;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two databases: the query database (primary: Flyway, repositories and transactions use it) and, read only,
 * the command side's event store. Declaring the second one makes Boot back off from its own data source,
 * so the primary is declared here too, from the usual {@code spring.datasource.*} properties.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfig {

    static final int STATEMENT_TIMEOUT_MILLIS = 2_000;
    /** Longer than the statement timeout, so that the server's cancellation normally comes first. */
    static final int SOCKET_TIMEOUT_SECONDS = 5;

    /**
     * A PostgreSQL database is created if missing before this connects (shared-service's DatabaseCreationAutoConfiguration); an H2 one
     * (standalone mode) is created by the launcher before its TCP server starts.
     */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /** Which SQL the repositories speak where PostgreSQL and H2 differ. */
    @Bean
    public SqlDialect sqlDialect(DataSourceProperties properties) {
        return SqlDialect.fromJdbcUrl(properties.determineUrl());
    }

    /**
     * The {@code db} health component is the query database only. Boot's own contributor would also probe the event
     * store and report DOWN without it, but the query side serves without it (reads of a lagging action then wait
     * for the projection): the event store has its own component, DEGRADED when unreachable (health.HealthConfig).
     */
    @Bean
    public HealthContributor dbHealthContributor(DataSource dataSource) {
        return new DataSourceHealthIndicator(dataSource);
    }

    /**
     * Not a default candidate: nothing gets it by type (not Flyway, not the JdbcTemplate); only the lookup asks
     * for it by name. The pool connects lazily and gives up quickly, so an unreachable event store costs a lookup
     * about a second; the server cancels a statement after two seconds (a lock, a stalled server) and the socket
     * gives up after five, so a hung event store never holds a request thread either. The driver settings for
     * this differ by database; H2's client has no socket timeout, only the statement's.
     */
    @Bean(name = EventStoreActionLookup.DATA_SOURCE, destroyMethod = "close", defaultCandidate = false)
    @ConditionalOnProperty(name = "cordon.query.event-store.enabled", havingValue = "true", matchIfMissing = true)
    public HikariDataSource eventStoreDataSource(CordonProperties properties) {
        CordonProperties.EventStore store = properties.query().eventStore();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("event-store");
        dataSource.setJdbcUrl(store.url());
        dataSource.setUsername(store.username());
        dataSource.setPassword(store.password());
        dataSource.setReadOnly(true);
        dataSource.setMaximumPoolSize(2);
        dataSource.setMinimumIdle(0);
        dataSource.setConnectionTimeout(1_000);
        dataSource.setInitializationFailTimeout(-1);
        if (SqlDialect.fromJdbcUrl(store.url()) == SqlDialect.H2) {
            dataSource.addDataSourceProperty("QUERY_TIMEOUT", String.valueOf(STATEMENT_TIMEOUT_MILLIS));
        } else {
            dataSource.addDataSourceProperty("connectTimeout", "2");
            dataSource.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT_MILLIS);
            dataSource.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        }
        return dataSource;
    }
}
