package dev.cordon.command.publish;

import dev.cordon.command.config.CordonProperties;
import dev.cordon.events.kafka.EventJson;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration
class KafkaPublisherConfig {

    /**
     * Durability and order are not left to configuration: every replica must acknowledge, and the
     * idempotent producer keeps per-partition (so per-device) order across its own retries.
     */
    @Bean
    KafkaTemplate<String, String> deviceEventsTemplate(KafkaProperties kafka, ObjectProvider<SslBundles> ssl) {
        Map<String, Object> props = kafka.buildProducerProperties(ssl.getIfAvailable());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
    }

    /** Created when missing (Spring's KafkaAdmin); an existing topic is left as the operator made it. */
    @Bean
    NewTopic deviceEventsTopic(CordonProperties properties) {
        CordonProperties.Kafka kafka = properties.kafka();
        return TopicBuilder.name(kafka.topic()).partitions(kafka.partitions()).replicas(kafka.replicationFactor())
                .build();
    }

    @Bean
    CloudEventMapper cloudEventMapper(CordonProperties properties) {
        return new CloudEventMapper(EventJson.newMapper(), properties.kafka().source());
    }
}
