package dev.cordon.query.rebuild;

import dev.cordon.query.eventstore.CommandSideTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;

/**
 * The command side's event store, read only, in global index order up to the highest index seen when opened.
 * One device's events are in sequence order there (an event is appended only after the one before it committed).
 *
 * <p>A global index can become visible after a higher one (two transactions commit in the other order). An index
 * missing while the history is read may therefore still appear, so the tail read after the live projection paused
 * starts at the lowest such gap among the last {@value #GAP_WINDOW} indexes; an event read twice is recognised by
 * the projection's (device, sequence) guard and changes nothing. Older gaps are rolled-back appends (a lost race
 * between two commands for one device), as Axon's own tracking assumes.
 */
final class EventStoreHistory implements History {

    static final long GAP_WINDOW = 10_000;
    /** Batches per chunk: 10 of the default 500 events, about 7 MB of rows in memory at a time. */
    static final int BATCHES_PER_CHUNK = 10;

    private final DataSource eventStore;
    private final int fetchSize;
    private final long first;
    private final long last;
    /** Ranges of indexes not seen below the last one read, oldest first, only those within the gap window. */
    private final Deque<long[]> gaps = new ArrayDeque<>();
    private long lastRead;

    EventStoreHistory(DataSource eventStore, int fetchSize, long first, long last) {
        this.eventStore = eventStore;
        this.fetchSize = fetchSize;
        this.first = first;
        this.last = last;
    }

    static EventStoreHistory open(DataSource eventStore, int fetchSize) {
        try (Connection connection = eventStore.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(CommandSideTables.EVENT_RANGE)) {
            rs.next();
            long first = rs.getLong(1);
            long last = rs.getLong(2);
            return new EventStoreHistory(eventStore, fetchSize, first, last);
        } catch (SQLException e) {
            throw new RebuildException("The event store could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public RebuildSource source() {
        return RebuildSource.EVENT_STORE;
    }

    /** Gaps make this an upper bound. */
    @Override
    public long estimate() {
        return last == 0 ? 0 : last - first + 1;
    }

    @Override
    public void readAll(RecordSink sink) {
        read(0, last, sink);
    }

    @Override
    public void catchUp(RecordSink sink, Map<TopicPartition, Long> liveCommitted) {
        read(catchUpFrom(), Long.MAX_VALUE, sink);
    }

    /** The index after which the tail is read: the last one read, or just before the lowest recent gap. */
    long catchUpFrom() {
        long windowStart = Math.max(1, lastRead - GAP_WINDOW);
        return gaps.isEmpty() ? lastRead : Math.max(gaps.peekFirst()[0], windowStart) - 1;
    }

    /**
     * In chunks of {@link #BATCHES_PER_CHUNK} batches, each read in a transaction of its own and fed to the sink after
     * that transaction ended. One transaction over the whole history would hold its snapshot for minutes on the
     * command side's database, where nothing can then prune the row versions the command side keeps updating (its
     * processors' tokens, its deadlines). An index that commits after a chunk passed it is a gap, as in one long read.
     */
    private void read(long after, long upTo, RecordSink sink) {
        int chunk = fetchSize * BATCHES_PER_CHUNK;
        long from = after;
        List<StoredEvents.Row> rows;
        do {
            rows = chunk(from, upTo, chunk);
            for (StoredEvents.Row row : rows) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new RebuildException("Interrupted while reading the event store");
                }
                accept(row, sink);
                from = row.globalIndex();
            }
        } while (rows.size() == chunk);
        sink.flush();
    }

    private List<StoredEvents.Row> chunk(long after, long upTo, int limit) {
        try (Connection connection = eventStore.getConnection()) {
            // SET LOCAL needs a transaction; the pool's short timeouts are for single-row lookups, not for a chunk.
            connection.setAutoCommit(false);
            connection.setNetworkTimeout(Runnable::run, 60_000); // PostgreSQL's socket; H2's client has none
            StreamTimeout timeout = StreamTimeout.lift(connection);
            try (PreparedStatement query = connection.prepareStatement(CommandSideTables.EVENTS_BETWEEN)) {
                query.setFetchSize(fetchSize);
                query.setLong(1, after);
                query.setLong(2, upTo);
                query.setInt(3, limit);
                List<StoredEvents.Row> rows = new ArrayList<>(limit);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            } finally {
                try {
                    connection.rollback();
                } finally {
                    timeout.restore(eventStore);
                }
            }
        } catch (SQLException e) {
            throw new RebuildException("Reading the event store failed: " + e.getMessage(), e);
        }
    }

    private void accept(StoredEvents.Row row, RecordSink sink) {
        seen(row.globalIndex());
        String origin = "event store #" + row.globalIndex();
        String value;
        try {
            value = StoredEvents.toCloudEventJson(row);
        } catch (IllegalArgumentException e) {
            sink.skip(origin, e.getMessage());
            return;
        }
        sink.accept(value, origin);
    }

    /** Package-private for the gap test: records the index as read, and the indexes skipped before it. */
    void seen(long index) {
        if (index > lastRead + 1) {
            gaps.addLast(new long[] {lastRead + 1, index - 1});
        }
        lastRead = Math.max(lastRead, index);
        // Too old to be an append still in flight.
        while (!gaps.isEmpty() && gaps.peekFirst()[1] < lastRead - GAP_WINDOW) {
            gaps.removeFirst();
        }
    }

    private static StoredEvents.Row row(ResultSet rs) throws SQLException {
        return new StoredEvents.Row(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("time_stamp"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"));
    }

    @Override
    public void close() {
    }
}
