package dev.cordon.command.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.command.config.CordonProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class KafkaPublisherConfigTest {

    private static NewTopic topic(String retention) {
        return new KafkaPublisherConfig().deviceEventsTopic(new CordonProperties(null, null, null,
                new CordonProperties.Kafka("cordon.device-events", "urn:cordon:command-side", Duration.ofSeconds(5),
                        Duration.ofSeconds(2), Duration.ofSeconds(2), 3, null, retention, null, Duration.ofSeconds(3)),
                null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unbounded", "Unbounded", " unbounded ", ""})
    void topic_whenRetentionUnbounded_keepsRecordsWithoutTimeOrSizeLimit(String retention) {
        assertThat(topic(retention).configs()).containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1");
    }

    @Test
    void topic_whenRetentionUnset_isUnbounded() {
        assertThat(topic(null).configs()).containsEntry("retention.ms", "-1");
    }

    @Test
    void topic_whenRetentionADuration_boundsTheTimeOnly() {
        assertThat(topic("30d").configs()).isEqualTo(Map.of("retention.ms", "2592000000"));
        assertThat(topic("P7D").configs()).isEqualTo(Map.of("retention.ms", "604800000"));
        assertThat(topic("720h").configs()).isEqualTo(Map.of("retention.ms", "2592000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"forever", "-1d", "0s", "30 days"})
    void topic_whenRetentionNotADurationOrNotPositive_failsNamingTheSetting(String retention) {
        assertThatThrownBy(() -> topic(retention)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cordon.kafka.retention");
    }

    @Test
    void retention_defaultsToUnboundedInApplicationYml() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        assertThat(properties.getProperty("cordon.kafka.retention")).isEqualTo("${CORDON_KAFKA_RETENTION:unbounded}");
    }
}
