package dev.cordon.command.agent.presence;

import dev.cordon.service.database.UpdateOrInsert;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each agent poll says the device is there, and from where. That is kept as presence, not as an event: a poll only
 * notes the device in memory (no database work on the poll's path), and every flush interval the latest sighting of
 * each device polled since is written in one batch, so 10,000 agents polling once a minute cost one batched
 * statement pair per interval, and the command path never waits on them. A sighting not yet flushed when the
 * process dies is lost; the next poll (a minute later) brings it back.
 */
@Component
public class PresenceRecorder {

    private static final Logger log = LoggerFactory.getLogger(PresenceRecorder.class);

    /** The latest sighting of one device. */
    record Sighting(String deviceId, Instant at, String ipAddress, String externalIpAddress) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Sighting> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    PresenceRecorder(JdbcTemplate jdbc, Clock clock,
                     @Value("${cordon.presence.flush-interval}") Duration flushInterval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cordon-presence");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** @param ipAddress the address the agent says the device has (may be null); the other, where it polled from */
    public void seen(String deviceId, String ipAddress, String externalIpAddress) {
        pending.put(deviceId, new Sighting(deviceId, clock.instant(), ipAddress, externalIpAddress));
    }

    /** Writes what was seen since the last flush; what fails to be written is kept for the next one. */
    int flush() {
        List<Sighting> batch = new ArrayList<>(pending.values());
        if (batch.isEmpty()) {
            return 0;
        }
        // Removed only if not replaced meanwhile: a newer sighting stays for the next flush.
        batch.forEach(sighting -> pending.remove(sighting.deviceId(), sighting));
        try {
            write(batch);
        } catch (DataAccessException e) {
            batch.forEach(sighting -> pending.putIfAbsent(sighting.deviceId(), sighting));
            throw e;
        }
        return batch.size();
    }

    /** A device another replica saw first in the same instant gets this flush's sighting: the newest one. */
    private void write(List<Sighting> batch) {
        Timestamp now = Timestamp.from(clock.instant());
        UpdateOrInsert.rows(jdbc, batch, "update device_presence set last_seen = ?,"
                        + " last_ip_address = coalesce(?, last_ip_address), last_external_ip_address = ?,"
                        + " updated_at = ? where device_id = ?", (statement, s) -> {
                    statement.setTimestamp(1, Timestamp.from(s.at()));
                    statement.setString(2, s.ipAddress());
                    statement.setString(3, s.externalIpAddress());
                    statement.setTimestamp(4, now);
                    statement.setString(5, s.deviceId());
                }, "insert into device_presence (device_id, first_contact, last_seen, last_ip_address,"
                        + " last_external_ip_address, updated_at) values (?, ?, ?, ?, ?, ?)", (statement, s) -> {
                    statement.setString(1, s.deviceId());
                    statement.setTimestamp(2, Timestamp.from(s.at()));
                    statement.setTimestamp(3, Timestamp.from(s.at()));
                    statement.setString(4, s.ipAddress());
                    statement.setString(5, s.externalIpAddress());
                    statement.setTimestamp(6, now);
                });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Writing device presence failed; retried at the next flush: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        flusher.shutdown();
        flushQuietly();
    }
}
