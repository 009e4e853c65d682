package dev.cordon.query.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the health components ({@code cordon.health.*}); application.yml maps the environment variables.
 *
 * @param kafkaTimeout         how long each Kafka question (cluster, topic, offsets) waits for the broker, so that
 *                             /actuator/health answers within a container health check's timeout also while the
 *                             broker is unreachable
 * @param consumerLagThreshold above this many unprojected records the consumerLag component is DEGRADED; lag alone
 *                             never makes it DOWN (see docs/monitoring.md); 0 or less: lag never degrades health
 */
@ConfigurationProperties("cordon.health")
public record HealthProperties(@DefaultValue("2s") Duration kafkaTimeout,
                               @DefaultValue("1000") long consumerLagThreshold) {
}
