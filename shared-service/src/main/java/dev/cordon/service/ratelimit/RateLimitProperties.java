package dev.cordon.service.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate limits per caller ({@code cordon.rate-limits.<group>.per-minute} and {@code .per-hour}); each
 * application.yml maps the environment variables. A group not configured keeps its default (RateLimitGroups).
 */
@ConfigurationProperties("cordon")
public record RateLimitProperties(Map<String, Limit> rateLimits) {

    /** @param perMinute calls a caller may make per minute; @param perHour and per hour */
    public record Limit(int perMinute, int perHour) {

        public Limit {
            if (perMinute <= 0 || perHour <= 0) {
                throw new IllegalArgumentException("A rate limit is a positive number of calls per minute and per"
                        + " hour, not " + perMinute + " and " + perHour);
            }
        }
    }

    public RateLimitProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(rateLimits));
    }
}
