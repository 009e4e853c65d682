package dev.cordon.command.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the health components ({@code cordon.health.*}); application.yml maps the environment variables.
 *
 * @param kafkaTimeout how long the Kafka check waits for the broker: a health check must answer well within a
 *                     container health check's own timeout, also while the broker is unreachable
 */
@ConfigurationProperties("cordon.health")
public record HealthProperties(@DefaultValue("2s") Duration kafkaTimeout) {
}
