package dev.cordon.query.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-model rebuilds (docs/audit-replay.md); application.yml maps the environment variables onto these defaults.
 *
 * @param batchSize        events projected per transaction into the shadow tables (the event store is read in
 *                         chunks of ten times this)
 * @param progressInterval how often a running rebuild logs its progress
 * @param quiesceTimeout   how long a rebuild waits for the live projection to catch up with the topic and pause
 */
@ConfigurationProperties("cordon.query.rebuild")
public record RebuildProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("5s") Duration progressInterval,
        @DefaultValue("60s") Duration quiesceTimeout) {
}
