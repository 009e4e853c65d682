package dev.cordon.command.health;

import dev.cordon.command.config.CordonProperties;
import dev.cordon.command.publish.PublishBacklog;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health components beyond Boot's own ({@code db}, {@code diskSpace}): {@code kafka}, {@code eventProcessors}. */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, ObjectProvider<SslBundles> ssl,
                                              CordonProperties properties, HealthProperties health) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties(ssl.getIfAvailable()), properties.kafka().topic(),
                health.kafkaTimeout().toMillis());
    }

    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing,
                                                                  PublishBacklog backlog, ProcessorFailures failures) {
        return new EventProcessorsHealthIndicator(processing, backlog, failures);
    }
}
