package dev.cordon.command.idempotency;

import dev.cordon.command.config.CordonProperties;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Deletes expired keys. Lookups ignore them anyway (IdempotencyKeys), so this only bounds the table; every replica
 * runs it, and a purge that meets another's finds nothing left to delete.
 */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeys keys;
    private final ScheduledExecutorService purger;

    IdempotencyKeyPurge(IdempotencyKeys keys, CordonProperties properties) {
        this.keys = keys;
        this.purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cordon-idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        Duration interval = properties.idempotency().purgeInterval();
        purger.scheduleWithFixedDelay(this::purgeQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            int purged = keys.purge();
            log.debug("Purged {} expired idempotency keys", purged);
        } catch (DataAccessException e) {
            log.warn("Could not purge expired idempotency keys; trying again at the next interval", e);
        }
    }

    @PreDestroy
    void stop() {
        purger.shutdownNow();
    }
}
