package dev.cordon.command.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This side's part of {@code cordon.health.*}; application.yml maps the environment variable.
 *
 * @param publishDelayThreshold the {@code eventProcessors} component is DEGRADED while the oldest event not yet
 *                              published (by any replica) was stored longer ago than this: the one symptom that is
 *                              true while publishing is stuck and false as soon as it has caught up
 */
@ConfigurationProperties("cordon.health")
public record PublishHealthProperties(@DefaultValue("10s") Duration publishDelayThreshold) {
}
