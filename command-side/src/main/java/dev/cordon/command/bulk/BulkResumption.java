package dev.cordon.command.bulk;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resumes the bulks nobody dispatches any more: at start (a bulk this replica was dispatching when it stopped), and
 * every {@code cordon.bulk.resume-interval} (one whose replica died). A bulk is taken by the conditional UPDATE of its
 * lease (BulkActionTable.claim), so two replicas never both resume it; the dispatcher goes on from its progress.
 */
@Component
class BulkResumption {

    private static final Logger log = LoggerFactory.getLogger(BulkResumption.class);
    private static final int PER_SCAN = 20;

    private final BulkActionTable table;
    private final BulkDispatcher dispatcher;
    private final BulkProperties properties;
    private final ScheduledExecutorService scans = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bulk-resumption");
        thread.setDaemon(true);
        return thread;
    });

    BulkResumption(BulkActionTable table, BulkDispatcher dispatcher, BulkProperties properties) {
        this.table = table;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scans.scheduleWithFixedDelay(this::scan, 0, properties.resumeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void scan() {
        try {
            for (String bulkId : table.abandoned(PER_SCAN)) {
                if (!dispatcher.isRunning(bulkId) && table.claim(bulkId)) {
                    log.info("Resuming the dispatch of bulk action {}", bulkId);
                    dispatcher.start(bulkId);
                }
            }
        } catch (RuntimeException e) {
            // The database away: the next scan tries again.
            log.warn("Looking for bulk actions to resume failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        scans.shutdownNow();
    }
}
