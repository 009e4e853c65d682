package dev.cordon.command.health;

import dev.cordon.command.publish.PublishBacklog;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health component of this side beyond Boot's own ({@code db}, {@code diskSpace}) and the shared {@code kafka}
 * one (shared-service): {@code eventProcessors}.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing,
                                                                  PublishBacklog backlog, ProcessorFailures failures,
                                                                  PublishHealthProperties health, Clock clock) {
        return new EventProcessorsHealthIndicator(processing, backlog, failures, health.publishDelayThreshold(), clock);
    }
}
