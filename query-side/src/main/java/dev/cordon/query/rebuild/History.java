package dev.cordon.query.rebuild;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The event history a rebuild reads: fixed when opened (its end is captured then), read once in full while the
 * live projection runs, and then its tail after the live projection paused.
 */
interface History extends AutoCloseable {

    RebuildSource source();

    /** How many events {@link #readAll} will read, as far as it can be known up front. */
    long estimate();

    void readAll(RecordSink sink);

    /**
     * Reads what the live projection applied since the history was opened, so that both hold the same events.
     *
     * @param liveCommitted the live consumer group's committed offsets, taken while it is paused
     */
    void catchUp(RecordSink sink, Map<TopicPartition, Long> liveCommitted);

    @Override
    void close();
}
