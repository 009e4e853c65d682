package dev.cordon.service.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka part of {@code cordon.health.*}, the same on both sides; each application.yml maps the environment
 * variable.
 *
 * @param kafkaTimeout how long each Kafka question of a health check waits for the broker: a health check must answer
 *                     well within a container health check's own timeout, also while the broker is unreachable
 */
@ConfigurationProperties("cordon.health")
public record KafkaHealthProperties(@DefaultValue("2s") Duration kafkaTimeout) {
}
