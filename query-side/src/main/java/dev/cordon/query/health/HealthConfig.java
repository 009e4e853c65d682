package dev.cordon.query.health;

import dev.cordon.query.action.EventStoreActionLookup;
import dev.cordon.query.projection.DeviceEventListener;
import dev.cordon.query.projection.RecordIntegrity;
import dev.cordon.service.health.KafkaHealthAutoConfiguration;
import dev.cordon.service.health.KafkaHealthProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The health components of this side beyond Boot's own ({@code db}: the query database, {@code diskSpace}) and the
 * shared {@code kafka} one (shared-service): {@code consumerLag}, {@code recordIntegrity} and, when it is configured,
 * {@code eventStore}.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

    @Bean
    ConsumerLagHealthIndicator consumerLagHealthIndicator(
            @Qualifier(KafkaHealthAutoConfiguration.ADMIN_CLIENT) Admin healthAdminClient, HealthProperties health,
            KafkaHealthProperties kafkaHealth, @Value("${cordon.kafka.topic}") String topic,
            @Value("${cordon.query.consumer-group}") String group, KafkaListenerEndpointRegistry listeners) {
        return new ConsumerLagHealthIndicator(healthAdminClient, topic, group, health.consumerLagThreshold(),
                kafkaHealth.kafkaTimeout().toMillis(), () -> listeners.getListenerContainer(DeviceEventListener.ID));
    }

    @Bean
    RecordIntegrityHealthIndicator recordIntegrityHealthIndicator(RecordIntegrity integrity) {
        return new RecordIntegrityHealthIndicator(integrity, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "cordon.query.event-store.enabled", havingValue = "true", matchIfMissing = true)
    EventStoreHealthIndicator eventStoreHealthIndicator(
            @Qualifier(EventStoreActionLookup.DATA_SOURCE) DataSource eventStore) {
        return new EventStoreHealthIndicator(eventStore);
    }
}
