package dev.cordon.service.ratelimit;

import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The rate limiter of a side, on its own database: PostgreSQL (shared by its replicas) or, for the embedded H2 of the
 * standalone mode, in the process. The security configuration puts its filter into the chain.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Bucket4jPostgreSQL.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

    @Bean
    Buckets rateLimitBuckets(DataSource dataSource, DataSourceProperties database) {
        String url = database.determineUrl();
        return url != null && url.startsWith("jdbc:h2:") ? new InProcessBuckets() : new DatabaseBuckets(dataSource);
    }

    @Bean
    RateLimiter rateLimiter(Buckets rateLimitBuckets, RateLimitProperties properties) {
        return new RateLimiter(rateLimitBuckets, properties);
    }
}
