package dev.cordon.service.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buckets in PostgreSQL ({@code rate_limit_buckets}, made by each side's migrations), by Bucket4j's
 * select-for-update proxy: every replica of a side takes from the same bucket, so two command-side instances share one
 * budget per caller. A bucket is removed a minute after it would be full again: it then has nothing to remember.
 */
class DatabaseBuckets implements Buckets, AutoCloseable {

    static final String TABLE = "rate_limit_buckets";
    private static final Logger log = LoggerFactory.getLogger(DatabaseBuckets.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rate-limit-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    DatabaseBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        // Buckets of callers who stopped calling are removed hourly.
        cleaner.scheduleWithFixedDelay(this::removeExpired, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    private void removeExpired() {
        try {
            buckets.removeExpired(1_000);
        } catch (RuntimeException e) {
            log.debug("Expired rate limit buckets not removed this time: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
    }
}
