package dev.cordon.service.health;

import dev.cordon.events.kafka.KafkaContract;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * The {@code kafka} health component of both sides, and the one admin client their Kafka checks share for the
 * application's life (rather than a new one, with its threads and connections, per check).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({Admin.class, AbstractHealthIndicator.class})
@ConditionalOnBean(KafkaProperties.class)
@EnableConfigurationProperties(KafkaHealthProperties.class)
public class KafkaHealthAutoConfiguration {

    public static final String ADMIN_CLIENT = "healthAdminClient";

    /** Its calls give up after the health timeout; it notices a broker that is back within a second. */
    @Bean(name = ADMIN_CLIENT, destroyMethod = "close")
    Admin healthAdminClient(KafkaProperties kafka, ObjectProvider<SslBundles> ssl, KafkaHealthProperties health,
                            @Value("${spring.application.name:cordon}") String application) {
        Map<String, Object> props = new HashMap<>(kafka.buildAdminProperties(ssl.getIfAvailable()));
        int timeout = (int) health.kafkaTimeout().toMillis();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, application + "-health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return Admin.create(props);
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(Admin healthAdminClient, KafkaHealthProperties health,
                                              @Value("${cordon.kafka.topic:" + KafkaContract.DEFAULT_TOPIC + "}") String topic) {
        return new KafkaHealthIndicator(healthAdminClient, topic, health.kafkaTimeout().toMillis());
    }
}
