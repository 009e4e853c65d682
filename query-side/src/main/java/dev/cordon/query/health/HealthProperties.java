package dev.cordon.query.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This side's part of {@code cordon.health.*} (the Kafka timeout is shared-service's {@code KafkaHealthProperties});
 * application.yml maps the environment variables.
 *
 * @param consumerLagThreshold above this many unprojected records the consumerLag component is DEGRADED; lag alone
 *                             never makes it DOWN (see docs/monitoring.md); 0 or less: lag never degrades health
 * @param stalenessThreshold   the projection component is DEGRADED while the oldest record not yet projected is
 *                             older than this
 * @param brokerCacheFor       how long the projection component reuses the broker's answer (four admin questions
 *                             and a read of records) before it asks again
 */
@ConfigurationProperties("cordon.health")
public record HealthProperties(@DefaultValue("1000") long consumerLagThreshold,
                               @DefaultValue("30s") Duration stalenessThreshold,
                               @DefaultValue("5s") Duration brokerCacheFor) {
}
