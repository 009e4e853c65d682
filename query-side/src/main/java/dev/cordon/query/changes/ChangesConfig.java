package dev.cordon.query.changes;

import dev.cordon.query.jdbc.SqlDialect;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The change feed's delivery, by database: through PostgreSQL's NOTIFY across instances, or in process on H2. */
@Configuration(proxyBeanMethods = false)
class ChangesConfig {

    @Bean
    ChangeNotifier changeNotifier(SqlDialect dialect, JdbcTemplate jdbc, ChangeSubscribers subscribers) {
        return dialect == SqlDialect.POSTGRESQL ? new PostgresChangeNotifier(jdbc)
                : new InProcessChangeNotifier(subscribers);
    }

    @Bean
    @Conditional(OnPostgresql.class)
    PostgresChangeListener postgresChangeListener(DataSourceProperties database, ChangeSubscribers subscribers) {
        return new PostgresChangeListener(database.determineUrl(), database.determineUsername(),
                database.determinePassword(), subscribers);
    }
}
