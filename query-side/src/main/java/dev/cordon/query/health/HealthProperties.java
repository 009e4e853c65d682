package dev.cordon.query.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This side's part of {@code cordon.health.*} (the Kafka timeout is shared-service's {@code KafkaHealthProperties});
 * application.yml maps the environment variables.
 *
 * @param consumerLagThreshold above this many unprojected records the consumerLag component is DEGRADED; lag alone
 *                             never makes it DOWN (see docs/monitoring.md); 0 or less: lag never degrades health
 */
@ConfigurationProperties("cordon.health")
public record HealthProperties(@DefaultValue("1000") long consumerLagThreshold) {
}
