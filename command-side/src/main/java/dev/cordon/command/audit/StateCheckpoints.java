package dev.cordon.command.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.kafka.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code device_state_checkpoint}: derived from the event store by the audit read itself, never trusted over it
 * (DeviceHistory checks each one it uses against the events' hash).
 */
@Repository
class StateCheckpoints {

    /** A checkpoint after every this many events of a device: the most a state at an instant folds, about. */
    static final int EVERY = 100;
    /**
     * The version of the fold that checkpoints hold (DeviceStateFold, DeviceState, FoldedState, and the upcasters'
     * reading of old events): raise it with any change to what the fold gives, and the old checkpoints are no longer
     * read; the next reads write new ones.
     */
    static final int FOLD_REVISION = 1;

    private static final Logger log = LoggerFactory.getLogger(StateCheckpoints.class);
    private static final String COLUMNS = "sequence_number, previous_sequence, latest_event_time, events_sha256, state";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json = EventJson.newMapper();

    StateCheckpoints(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The latest checkpoint the fold passes for an instant of {@code atMillis} (epoch milliseconds, rounded down). */
    Optional<StateCheckpoint> latestAtOrBefore(String deviceId, long atMillis) {
        return jdbc.query("select " + COLUMNS + " from device_state_checkpoint where device_id = ? and fold_revision = ?"
                        + " and latest_event_time <= ? order by sequence_number desc limit 1", this::row,
                deviceId, FOLD_REVISION, atMillis).stream().findFirst();
    }

    Optional<byte[]> hashAt(String deviceId, long sequence) {
        return jdbc.query("select events_sha256 from device_state_checkpoint where device_id = ? and fold_revision = ?"
                + " and sequence_number = ?", (rs, n) -> rs.getBytes(1), deviceId, FOLD_REVISION, sequence)
                .stream().findFirst();
    }

    /** The first checkpoint after event {@code sequence}: the fold from there needs no events beyond it. */
    OptionalLong nextAfter(String deviceId, long sequence) {
        Long next = jdbc.queryForObject("select min(sequence_number) from device_state_checkpoint where device_id = ?"
                + " and fold_revision = ? and sequence_number > ?", Long.class, deviceId, FOLD_REVISION, sequence);
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /**
     * Best effort, in a transaction of its own: a concurrent read that wrote the same checkpoints first wins (the
     * primary key refuses the second), and a failure costs only a later read's time.
     */
    void save(String deviceId, List<StateCheckpoint> checkpoints) {
        if (checkpoints.isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate("insert into device_state_checkpoint"
                    + " (device_id, fold_revision, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)", checkpoints, 100,
                    (ps, c) -> {
                        ps.setString(1, deviceId);
                        ps.setInt(2, FOLD_REVISION);
                        ps.setLong(3, c.sequence());
                        ps.setLong(4, c.previousSequence());
                        ps.setLong(5, c.latestEventTime());
                        ps.setBytes(6, c.eventsSha256());
                        ps.setString(7, write(c.folded()));
                    }));
        } catch (DataIntegrityViolationException e) {
            log.debug("State checkpoints of {} were written by another read meanwhile", deviceId);
        } catch (RuntimeException e) {
            log.warn("State checkpoints of {} were not written: {}", deviceId, e.toString());
        }
    }

    /** A checkpoint that does not match its events: the device's are dropped, to be written again from the events. */
    void discard(String deviceId) {
        jdbc.update("delete from device_state_checkpoint where device_id = ? and fold_revision = ?", deviceId,
                FOLD_REVISION);
    }

    private StateCheckpoint row(ResultSet rs, int n) throws SQLException {
        try {
            return new StateCheckpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4),
                    json.readValue(rs.getString(5), FoldedState.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A state checkpoint is not readable", e);
        }
    }

    private String write(FoldedState folded) {
        try {
            return json.writeValueAsString(folded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A folded state is not writable as JSON", e);
        }
    }
}
