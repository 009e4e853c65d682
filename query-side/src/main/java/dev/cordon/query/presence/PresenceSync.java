package dev.cordon.query.presence;

import dev.cordon.query.action.EventStoreActionLookup;
import dev.cordon.query.eventstore.CommandSideTables;
import dev.cordon.service.database.UpdateOrInsert;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Copies what the command side recorded of each device's presence (its {@code device_presence}, written from the
 * agents' polls) into {@code machine_presence}, which the machine entity joins, every sync interval: only the rows
 * changed since the last copy, in the order of their update, a bounded number at a time (a row another replica
 * committed with the same instant but a smaller device id after that instant was copied waits for the device's next
 * poll, a minute later). Then it marks Inactive the devices not seen
 * within the threshold. Every replica may run it: each copy is idempotent. Off when the query side has no access to
 * the command side's database ({@code cordon.query.event-store.enabled=false}).
 */
@Component
public class PresenceSync {

    private static final Logger log = LoggerFactory.getLogger(PresenceSync.class);
    static final int BATCH = 5_000;

    private final JdbcTemplate commandSide;
    private final JdbcTemplate readModels;
    private final Clock clock;
    private final Duration inactiveAfter;
    private final ScheduledExecutorService executor;
    /** The last row copied: its update instant and device id (rows are copied in that order). */
    private Instant watermark;
    private String watermarkDevice = "";

    PresenceSync(@Qualifier(EventStoreActionLookup.DATA_SOURCE) ObjectProvider<DataSource> commandSideSource,
                 JdbcTemplate readModels,
                 @Value("${cordon.query.presence.sync-interval}") Duration interval,
                 @Value("${cordon.query.presence.inactive-after}") Duration inactiveAfter) {
        DataSource source = commandSideSource.getIfAvailable();
        this.commandSide = source == null ? null : new JdbcTemplate(source);
        this.readModels = readModels;
        this.clock = Clock.systemUTC();
        this.inactiveAfter = inactiveAfter;
        if (commandSide == null) {
            executor = null;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cordon-presence-sync");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::syncQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One copy: returns how many rows it took from the command side. */
    synchronized int sync() {
        if (commandSide == null) {
            return 0;
        }
        if (watermark == null) {
            // After a restart: from the newest copied instant again (its rows are copied once more, harmlessly).
            Timestamp kept = readModels.queryForObject("select max(source_updated_at) from machine_presence",
                    Timestamp.class);
            watermark = kept == null ? Instant.EPOCH : kept.toInstant();
            watermarkDevice = "";
        }
        Instant cutoff = clock.instant().minus(inactiveAfter);
        Timestamp since = Timestamp.from(watermark);
        List<Row> rows = commandSide.query(CommandSideTables.PRESENCE_CHANGED_SINCE, (rs, n) -> new Row(
                rs.getString("device_id"), rs.getTimestamp("first_contact"), rs.getTimestamp("last_seen"),
                rs.getString("last_ip_address"), rs.getString("last_external_ip_address"),
                rs.getTimestamp("updated_at")), since, since, watermarkDevice, BATCH);
        UpdateOrInsert.rows(readModels, rows, "update machine_presence set first_contact = ?, last_seen = ?,"
                        + " last_ip_address = ?, last_external_ip_address = ?, health_status = ?, source_updated_at = ?"
                        + " where device_id = ?", (statement, row) -> {
                    statement.setTimestamp(1, row.firstContact());
                    statement.setTimestamp(2, row.lastSeen());
                    statement.setString(3, row.ipAddress());
                    statement.setString(4, row.externalIpAddress());
                    statement.setString(5, health(row, cutoff));
                    statement.setTimestamp(6, row.updatedAt());
                    statement.setString(7, row.deviceId());
                }, "insert into machine_presence (device_id, first_contact, last_seen, last_ip_address,"
                        + " last_external_ip_address, health_status, source_updated_at) values (?, ?, ?, ?, ?, ?, ?)",
                (statement, row) -> {
                    statement.setString(1, row.deviceId());
                    statement.setTimestamp(2, row.firstContact());
                    statement.setTimestamp(3, row.lastSeen());
                    statement.setString(4, row.ipAddress());
                    statement.setString(5, row.externalIpAddress());
                    statement.setString(6, health(row, cutoff));
                    statement.setTimestamp(7, row.updatedAt());
                });
        if (!rows.isEmpty()) {
            Row last = rows.get(rows.size() - 1);
            watermark = last.updatedAt().toInstant();
            watermarkDevice = last.deviceId();
        }
        readModels.update("update machine_presence set health_status = 'Inactive' where health_status = 'Active'"
                + " and last_seen < ?", Timestamp.from(cutoff));
        return rows.size();
    }

    private static String health(Row row, Instant cutoff) {
        return row.lastSeen().toInstant().isBefore(cutoff) ? "Inactive" : "Active";
    }

    private record Row(String deviceId, Timestamp firstContact, Timestamp lastSeen, String ipAddress,
                       String externalIpAddress, Timestamp updatedAt) {
    }

    private void syncQuietly() {
        try {
            while (sync() == BATCH) {
                // A backlog (a start after a long pause): copy on until it is done.
            }
        } catch (RuntimeException e) {
            log.warn("Copying device presence from the command side failed; tried again shortly: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
