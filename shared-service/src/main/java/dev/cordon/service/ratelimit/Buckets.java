package dev.cordon.service.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the callers' token buckets are kept: shared by every replica, or in this process where there is one. */
public interface Buckets {

    /** Takes one call from {@code key}'s bucket, made with {@code configuration} when it does not exist yet. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);
}
