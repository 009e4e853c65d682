package dev.cordon.command.publish;

import dev.cordon.command.config.CordonProperties;
import dev.cordon.service.kafka.KafkaClientIds;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

@Configuration
class KafkaPublisherConfig {

    /**
     * Durability and order are not left to configuration: every replica must acknowledge, and the
     * idempotent producer keeps per-partition (so per-device) order across its own retries.
     */
    @Bean
    ProducerFactory<String, String> deviceEventsProducerFactory(
            KafkaProperties kafka, ObjectProvider<SslBundles> ssl, CordonProperties properties,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> props = kafka.buildProducerProperties(ssl.getIfAvailable());
        props.put(ProducerConfig.CLIENT_ID_CONFIG,
                KafkaClientIds.orDefault((String) props.get(ProducerConfig.CLIENT_ID_CONFIG), "command-side"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.putAll(failoverTimings(properties.kafka()));
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(props);
        // Closing waits this long for unacknowledged records (Spring's default: 30 s, all of it with a dead broker);
        // the event store still has them, and the publisher sends them again after a restart.
        factory.setPhysicalCloseTimeout((int) Math.max(1, properties.kafka().closeTimeout().toSeconds()));
        // Boot's customizers bind the producer's own metrics (kafka_producer_*) to Micrometer, as for its own factory.
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    /**
     * How soon a send gets over a broker's loss (docs/operations.md#failover). A record is given up, and its batch
     * retried, within the send timeout rather than Kafka's 2 minutes, so that one batch's wait stays inside the
     * publisher's claim timeout (PublisherClaims). A request to a broker that hangs, or whose host vanished without
     * closing its connections, is abandoned after the request timeout and sent again to the partition's new leader,
     * rather than after up to 30 s; a broker process that dies closes its connections, and then the brokers' own
     * failure detection decides the stall. The short linger keeps the delivery timeout's arithmetic (it must cover
     * linger and one request) true.
     */
    static Map<String, Object> failoverTimings(CordonProperties.Kafka kafka) {
        long sendTimeout = kafka.sendTimeout().toMillis();
        long requestTimeout = kafka.requestTimeout().toMillis();
        int linger = 5;
        if (requestTimeout + linger > sendTimeout) {
            throw new IllegalArgumentException("cordon.kafka.request-timeout (" + kafka.requestTimeout()
                    + ") must be shorter than cordon.kafka.send-timeout (" + kafka.sendTimeout() + ")");
        }
        return Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.maxBlock().toMillis(),
                ProducerConfig.LINGER_MS_CONFIG, linger);
    }

    @Bean
    KafkaTemplate<String, String> deviceEventsTemplate(ProducerFactory<String, String> deviceEventsProducerFactory) {
        return new KafkaTemplate<>(deviceEventsProducerFactory);
    }

    /** Created when missing (Spring's KafkaAdmin); an existing topic is left as the operator made it. */
    @Bean
    NewTopic deviceEventsTopic(CordonProperties properties) {
        CordonProperties.Kafka kafka = properties.kafka();
        TopicBuilder topic = TopicBuilder.name(kafka.topic()).partitions(kafka.partitions())
                .configs(TopicRetention.configs(kafka.retention()));
        if (kafka.replicationFactor() != null) {
            topic.replicas(kafka.replicationFactor());
        }
        if (kafka.minInsyncReplicas() != null) {
            topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, kafka.minInsyncReplicas().toString());
        }
        return topic.build();
    }
}
