package dev.cordon.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.command.config.CordonProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The topic Cordon creates, from application.yml and the environment variables a deployment sets: a typo in the
 * yml key or the variable name would silently leave the broker's defaults in place.
 */
class DeviceEventsTopicTest {

    @Test
    void topic_fromTheEnvironment_hasItsPartitionsReplicationAndMinInsyncReplicas() throws IOException {
        NewTopic topic = topicFor(Map.of("CORDON_KAFKA_PARTITIONS", "6", "CORDON_KAFKA_REPLICATION_FACTOR", "3",
                "CORDON_KAFKA_MIN_INSYNC_REPLICAS", "2"));

        assertThat(topic.name()).isEqualTo("cordon.device-events");
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void topic_withoutSettings_leavesReplicationAndMinInsyncReplicasToTheBroker() throws IOException {
        NewTopic topic = topicFor(Map.of());

        assertThat(topic.numPartitions()).isEqualTo(3);
        assertThat(topic.replicationFactor()).isEqualTo((short) -1);
        assertThat(topic.configs() == null ? Map.of() : topic.configs()).doesNotContainKey("min.insync.replicas");
    }

    private static NewTopic topicFor(Map<String, Object> environmentVariables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", environmentVariables));
        List<PropertySource<?>> yaml = new ArrayList<>(new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")));
        yaml.forEach(environment.getPropertySources()::addLast);
        CordonProperties properties = Binder.get(environment).bind("cordon", CordonProperties.class).get();
        return new KafkaPublisherConfig().deviceEventsTopic(properties);
    }
}
