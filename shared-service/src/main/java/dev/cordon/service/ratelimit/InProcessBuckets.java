package dev.cordon.service.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buckets in this process, for the embedded database (H2), which Bucket4j has no shared store for here and which
 * only the standalone mode uses, with one instance of each side. A restart starts every caller afresh. The least
 * recently used callers beyond a bound are forgotten, so memory stays bounded whoever calls.
 */
class InProcessBuckets implements Buckets {

    static final int MAX_CALLERS = 100_000;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CALLERS;
        }
    };

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(configuration.getBandwidths()[0]).addLimit(configuration.getBandwidths()[1]).build());
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }
}
