package dev.cordon.query.rebuild;

import dev.cordon.query.projection.DataErrors;
import dev.cordon.query.projection.DeviceEventListener;
import dev.cordon.query.projection.DeviceEventProjection;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects the history into the shadow tables through the live consumer's own entry point, a batch per
 * transaction, folded in memory and written in JDBC batches ({@code DeviceEventProjection.applyAll}). What the live consumer skips is skipped here too: poison and unknown types at once; a record whose
 * data the database rejects fails its batch, which is then projected record by record to skip just that one.
 * Anything else (the database gone) fails the rebuild.
 */
final class ShadowProjector implements RecordSink {

    private static final Logger log = LoggerFactory.getLogger(ShadowProjector.class);

    private record Pending(String value, String origin) {
    }

    private final DeviceEventListener entryPoint;
    private final DeviceEventProjection shadow;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final RebuildProgress progress;
    private final List<Pending> batch = new ArrayList<>();

    ShadowProjector(DeviceEventListener entryPoint, DeviceEventProjection shadow, TransactionTemplate transactions,
                    int batchSize, RebuildProgress progress) {
        this.entryPoint = entryPoint;
        this.shadow = shadow;
        this.transactions = transactions;
        this.batchSize = Math.max(1, batchSize);
        this.progress = progress;
    }

    @Override
    public void accept(String value, String origin) {
        batch.add(new Pending(value, origin));
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void skip(String origin, String reason) {
        log.warn("Rebuild skips {}: {}", origin, reason);
        progress.projected(1, 1);
    }

    @Override
    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        int skipped;
        try {
            skipped = transactions.execute(status -> projectAll(batch));
        } catch (RuntimeException e) {
            if (!DataErrors.isDataError(e)) {
                throw e;
            }
            skipped = 0;
            for (Pending record : batch) {
                try {
                    skipped += transactions.execute(status -> projectAll(List.of(record)));
                } catch (RuntimeException single) {
                    if (!DataErrors.isDataError(single)) {
                        throw single;
                    }
                    log.warn("Rebuild skips {}: the database rejects its data ({})", record.origin(),
                            NestedExceptionUtils.getMostSpecificCause(single).getMessage());
                    skipped++;
                }
            }
        }
        progress.projected(batch.size(), skipped);
        batch.clear();
        progress.logIfDue();
    }

    /** @return how many records were skipped as poison or of an unknown type */
    private int projectAll(List<Pending> records) {
        return entryPoint.projectAll(records.stream()
                .<Map.Entry<String, String>>map(r -> new AbstractMap.SimpleImmutableEntry<>(r.value(), r.origin()))
                .toList(), shadow);
    }
}
