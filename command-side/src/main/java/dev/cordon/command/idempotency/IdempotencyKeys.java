package dev.cordon.command.idempotency;

import dev.cordon.command.config.CordonProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table: a row is fresh for {@code cordon.idempotency.retention}, then it is gone. */
@Repository
public class IdempotencyKeys {

    /** What the first request with a key left: its fingerprint and its action. */
    public record Entry(String fingerprint, String actionId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock, CordonProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.idempotency().retention();
    }

    public Duration retention() {
        return retention;
    }

    public Optional<Entry> find(String caller, String key) {
        return jdbc.query("select fingerprint, action_id from idempotency_key where caller = ? and idempotency_key = ?"
                        + " and created_at >= ?", (rs, row) -> new Entry(rs.getString(1), rs.getString(2)),
                caller, key, cutoff()).stream().findFirst();
    }

    /**
     * In the command's transaction. An expired row is deleted first, so the insert's unique violation means
     * exactly "a fresh row exists" (or one committed meanwhile: PostgreSQL makes the insert wait for it).
     */
    void store(Idempotency request, String actionId) {
        jdbc.update("delete from idempotency_key where caller = ? and idempotency_key = ? and created_at < ?",
                request.caller(), request.key(), cutoff());
        try {
            jdbc.update("insert into idempotency_key (caller, idempotency_key, operation, fingerprint, action_id, "
                            + "created_at) values (?,?,?,?,?,?)", request.caller(), request.key(),
                    request.operation(), request.fingerprint(), actionId, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new IdempotencyKeyTakenException("Idempotency-Key was taken by a concurrent request", e);
        }
    }

    /** @return how many expired rows were deleted */
    int purge() {
        return jdbc.update("delete from idempotency_key where created_at < ?", cutoff());
    }

    private Timestamp cutoff() {
        return Timestamp.from(clock.instant().minus(retention));
    }
}
