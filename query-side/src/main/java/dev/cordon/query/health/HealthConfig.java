package dev.cordon.query.health;

import dev.cordon.query.action.EventStoreActionLookup;
import dev.cordon.query.projection.DeviceEventListener;
import dev.cordon.query.projection.RecordIntegrity;
import dev.cordon.service.health.KafkaHealthAutoConfiguration;
import dev.cordon.service.health.KafkaHealthProperties;
import dev.cordon.service.kafka.KafkaClientIds;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
 * The health components of this side beyond Boot's own ({@code db}: the query database, {@code diskSpace}) and the
 * shared {@code kafka} one (shared-service): {@code consumerLag}, {@code projection}, {@code recordIntegrity} and,
 * when it is configured, {@code eventStore}.
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
    ProjectionHealthIndicator projectionHealthIndicator(HealthProperties health,
                                                        ProjectionProgress projectionProgress) {
        return new ProjectionHealthIndicator(projectionProgress::read, health.stalenessThreshold(),
                health.brokerCacheFor(), Clock.systemUTC());
    }

    /**
     * Its consumer reads the oldest unprojected record of each partition: without a group, so it never joins the
     * projection's group nor commits; keys and values are not even decoded.
     */
    @Bean(destroyMethod = "close")
    ProjectionProgress projectionProgress(
            @Qualifier(KafkaHealthAutoConfiguration.ADMIN_CLIENT) Admin healthAdminClient, KafkaProperties kafka,
            ObjectProvider<SslBundles> ssl, KafkaHealthProperties kafkaHealth,
            @Value("${cordon.kafka.topic}") String topic, @Value("${cordon.query.consumer-group}") String group) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties(ssl.getIfAvailable()));
        int timeout = (int) kafkaHealth.kafkaTimeout().toMillis();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, KafkaClientIds.orDefault(kafka.getConsumer().getClientId(),
                "query-side") + "-health");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new ProjectionProgress(healthAdminClient, new KafkaConsumer<>(props), topic, group, timeout);
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
