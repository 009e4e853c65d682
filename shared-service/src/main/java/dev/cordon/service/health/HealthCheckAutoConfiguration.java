package dev.cordon.service.health;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Every health check of both sides within {@code cordon.health.check-timeout} ({@link TimeLimitedHealthChecks}). */
@AutoConfiguration
@ConditionalOnClass(HealthIndicator.class)
public class HealthCheckAutoConfiguration {

    @Bean
    static TimeLimitedHealthChecks timeLimitedHealthChecks() {
        return new TimeLimitedHealthChecks();
    }
}
