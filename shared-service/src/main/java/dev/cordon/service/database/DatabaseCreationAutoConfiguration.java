package dev.cordon.service.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;

/**
 * Each side's own database ({@code spring.datasource.*}) is created on a PostgreSQL server that lacks it, before the
 * data source and Flyway first connect, so that a fresh server needs no manual step. The event store the query side
 * reads is not: it is the command side's to create. H2 (standalone) databases are created by the launcher.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(DataSourceProperties.class)
public class DatabaseCreationAutoConfiguration {

    /** Static: a post-processor is created before the other beans, and must not pull this configuration in early. */
    @Bean
    static BeanPostProcessor createDatabaseIfMissing() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // After initialisation: the properties are bound by then.
                if (bean instanceof DataSourceProperties properties) {
                    DatabaseInitializer.createIfMissing(properties.determineUrl(), properties.determineUsername(),
                            properties.determinePassword());
                }
                return bean;
            }
        };
    }
}
