package dev.cordon.service.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which budget a call takes from, and whether it is left: Bucket4j buckets of one caller and group, with a minute's and
 * an hour's allowance that each refill whole at the end of their period (so "100 a minute" means the 101st call in a
 * minute is refused, not that calls trickle back one every 0.6 s).
 */
public class RateLimiter {

    /** What a call's check found: allowed, or refused with how long to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final Buckets buckets;
    private final Map<RateLimitGroup, BucketConfiguration> configurations = new EnumMap<>(RateLimitGroup.class);

    public RateLimiter(Buckets buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        for (RateLimitGroup group : RateLimitGroup.values()) {
            RateLimitProperties.Limit limit = properties.rateLimits().getOrDefault(group.configName(),
                    group.defaults());
            configurations.put(group, BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.perMinute())
                            .refillIntervally(limit.perMinute(), Duration.ofMinutes(1)).build())
                    .addLimit(Bandwidth.builder().capacity(limit.perHour())
                            .refillIntervally(limit.perHour(), Duration.ofHours(1)).build())
                    .build());
        }
    }

    public Optional<RateLimitGroup> groupOf(HttpServletRequest request) {
        for (RateLimitGroup group : RateLimitGroup.values()) {
            if (group.endpoints().matches(request)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** Takes one call from the caller's budget in {@code group}. */
    public Decision take(RateLimitGroup group, String caller) {
        ConsumptionProbe probe = buckets.tryConsume(group.configName() + "|" + caller, configurations.get(group));
        return probe.isConsumed() ? new Decision(true, 0)
                : new Decision(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
