package dev.cordon.query.health;

import dev.cordon.query.action.EventStoreActionLookup;
import dev.cordon.query.consumer.DeviceEventListener;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The health components beyond Boot's own ({@code db}: the query database, {@code diskSpace}): {@code kafka},
 * {@code consumerLag} and, when it is configured, {@code eventStore}.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

    /**
     * One admin client for the application's life, shared by the Kafka checks, rather than a new one (threads,
     * connections) per check. Its calls give up after the health timeout.
     */
    @Bean(destroyMethod = "close")
    Admin healthAdminClient(KafkaProperties kafka, ObjectProvider<SslBundles> ssl, HealthProperties health) {
        Map<String, Object> props = new HashMap<>(kafka.buildAdminProperties(ssl.getIfAvailable()));
        int timeout = (int) health.kafkaTimeout().toMillis();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "cordon-query-health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        // Notice a broker that is back within a second, not after the default back-off of up to 10 s.
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return Admin.create(props);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin healthAdminClient, HealthProperties health,
                                              @Value("${cordon.kafka.topic}") String topic) {
        return new KafkaHealthIndicator(healthAdminClient, topic, health.kafkaTimeout().toMillis());
    }

    @Bean
    ConsumerLagHealthIndicator consumerLagHealthIndicator(Admin healthAdminClient, HealthProperties health,
                                                          @Value("${cordon.kafka.topic}") String topic,
                                                          @Value("${cordon.query.consumer-group}") String group,
                                                          KafkaListenerEndpointRegistry listeners) {
        return new ConsumerLagHealthIndicator(healthAdminClient, topic, group, health.consumerLagThreshold(),
                health.kafkaTimeout().toMillis(), () -> listeners.getListenerContainer(DeviceEventListener.ID));
    }

    @Bean
    @ConditionalOnProperty(name = "cordon.query.event-store.enabled", havingValue = "true", matchIfMissing = true)
    EventStoreHealthIndicator eventStoreHealthIndicator(
            @Qualifier(EventStoreActionLookup.DATA_SOURCE) DataSource eventStore) {
        return new EventStoreHealthIndicator(eventStore);
    }
}
