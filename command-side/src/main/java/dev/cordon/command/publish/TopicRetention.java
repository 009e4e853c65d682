package dev.cordon.command.publish;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.convert.DurationStyle;

/**
 * The retention of the topic the command side creates ({@code cordon.kafka.retention}): one rule, which the compose
 * file's setting is also held to (ComposeFileTest: the topic keeps what the brokers keep).
 */
public final class TopicRetention {

    static final String UNBOUNDED = "unbounded";

    private TopicRetention() {
    }

    /**
     * Unbounded sets both limits to -1, so that no broker default (time or size) deletes history; a duration bounds
     * the time only (docs/audit-replay.md).
     *
     * @param retention {@code unbounded} (also when unset) or a duration: {@code 30d}, {@code 720h}, {@code P30D}
     */
    public static Map<String, String> configs(String retention) {
        if (retention == null || retention.isBlank() || retention.trim().equalsIgnoreCase(UNBOUNDED)) {
            return Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        }
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(retention.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cordon.kafka.retention must be 'unbounded' or a duration such as 30d"
                    + " or P30D, not '" + retention + "'", e);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("cordon.kafka.retention must be positive (or 'unbounded'), not '"
                    + retention + "'");
        }
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(duration.toMillis()));
    }
}
