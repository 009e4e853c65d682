package dev.cordon.query.rebuild;

import dev.cordon.query.projection.RecordIntegrity;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/** Kafka clients for a rebuild, made from the same {@code spring.kafka.*} settings as the live consumer. */
@Component
class RebuildKafka {

    private final KafkaProperties properties;
    private final ObjectProvider<SslBundles> ssl;
    private final String topic;
    private final String liveGroup;
    private final RecordIntegrity integrity;

    RebuildKafka(KafkaProperties properties, ObjectProvider<SslBundles> ssl,
                 @Value("${cordon.kafka.topic}") String topic,
                 @Value("${cordon.query.consumer-group}") String liveGroup, RecordIntegrity integrity) {
        this.integrity = integrity;
        this.properties = properties;
        this.ssl = ssl;
        this.topic = topic;
        this.liveGroup = liveGroup;
    }

    String topic() {
        return topic;
    }

    /** A rebuild from the topic projects only what the live consumer would: records the command side signed. */
    RecordIntegrity integrity() {
        return integrity;
    }

    String liveGroup() {
        return liveGroup;
    }

    /**
     * Without a group: it is assigned partitions and seeks itself, so it never joins the live group, never
     * commits, and leaves nothing behind on the broker.
     */
    KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> config = properties.buildConsumerProperties(ssl.getIfAvailable());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "cordon-query-rebuild");
        // A rebuild reads the whole topic: larger polls and fetches than the live consumer's defaults, so that the
        // shadow projection gets full batches rather than waiting on the broker between them.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    Admin newAdmin() {
        Map<String, Object> config = properties.buildAdminProperties(ssl.getIfAvailable());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "cordon-query-rebuild-admin");
        return Admin.create(config);
    }
}
