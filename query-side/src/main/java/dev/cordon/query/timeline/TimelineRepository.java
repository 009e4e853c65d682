package dev.cordon.query.timeline;

import static dev.cordon.query.jdbc.Timestamps.instant;
import static dev.cordon.query.jdbc.Timestamps.utc;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.query.jdbc.BatchCounts;
import dev.cordon.query.jdbc.ReadModelTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

@Repository
public class TimelineRepository {

    private static final String INSERT = """
            INSERT INTO %s (device_id, sequence, event_id, event_type, occurred_at, action_id,
                action_type, status, requestor, comment, tag, group_name, previous_group_name, reason)
            VALUES (:deviceId, :sequence, :eventId, :eventType, :occurredAt, :actionId, :actionType, :status,
                :requestor, :comment, :tag, :groupName, :previousGroupName, :reason)
            ON CONFLICT DO NOTHING
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;

    @Autowired
    public TimelineRepository(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, ReadModelTables.LIVE);
    }

    /** On another table set: a rebuild projects into its shadow tables with this. */
    public TimelineRepository(NamedParameterJdbcTemplate jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.table = tables.timeline();
    }

    /**
     * @return false when the device already has an entry with this sequence: the record is a duplicate or replay.
     * ON CONFLICT names no columns because H2's PostgreSQL mode accepts only that form; the key is the table's
     * only unique constraint, so it means the same.
     */
    public boolean insertIfAbsent(TimelineEntry entry) {
        return jdbc.update(INSERT.formatted(table), params(entry)) == 1;
    }

    /**
     * {@link #insertIfAbsent} for many entries in one JDBC batch.
     *
     * @return per entry, whether it was inserted (false: its (device, sequence) was taken)
     */
    public boolean[] insertAllIfAbsent(List<TimelineEntry> entries) {
        SqlParameterSource[] batch = entries.stream().map(TimelineRepository::params)
                .toArray(SqlParameterSource[]::new);
        return BatchCounts.written(jdbc.batchUpdate(INSERT.formatted(table), batch));
    }

    /**
     * The ids of the events the timeline holds at any of these (device, sequence) places, in one query: the devices'
     * rows between the lowest and the highest sequence asked, which both databases find by the key's index (a list
     * of row values, or of ORs, not always), of which only the places asked are kept.
     */
    public Map<Place, String> eventIdsAt(Collection<Place> places) {
        Map<Place, String> found = new HashMap<>();
        if (places.isEmpty()) {
            return found;
        }
        Set<Place> asked = new HashSet<>(places);
        Set<String> devices = new HashSet<>();
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (Place place : asked) {
            devices.add(place.deviceId());
            lowest = Math.min(lowest, place.sequence());
            highest = Math.max(highest, place.sequence());
        }
        MapSqlParameterSource params = new MapSqlParameterSource("devices", devices)
                .addValue("lowest", lowest, Types.BIGINT).addValue("highest", highest, Types.BIGINT);
        jdbc.query("SELECT device_id, sequence, event_id FROM " + table
                + " WHERE device_id IN (:devices) AND sequence BETWEEN :lowest AND :highest", params, rs -> {
                    Place place = new Place(rs.getString("device_id"), rs.getLong("sequence"));
                    if (asked.contains(place)) {
                        found.put(place, rs.getString("event_id"));
                    }
                });
        return found;
    }

    /** A place in a device's history: the timeline's key. */
    public record Place(String deviceId, long sequence) {
    }

    private static MapSqlParameterSource params(TimelineEntry entry) {
        return new MapSqlParameterSource()
                .addValue("deviceId", entry.deviceId(), Types.VARCHAR)
                .addValue("sequence", entry.sequence(), Types.BIGINT)
                .addValue("eventId", entry.eventId(), Types.VARCHAR)
                .addValue("eventType", entry.eventType(), Types.VARCHAR)
                .addValue("occurredAt", utc(entry.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("actionId", entry.actionId(), Types.VARCHAR)
                .addValue("actionType", entry.actionType() == null ? null : entry.actionType().name(), Types.VARCHAR)
                .addValue("status", entry.status() == null ? null : entry.status().name(), Types.VARCHAR)
                .addValue("requestor", entry.requestor(), Types.VARCHAR)
                .addValue("comment", entry.comment(), Types.VARCHAR)
                .addValue("tag", entry.tag(), Types.VARCHAR)
                .addValue("groupName", entry.groupName(), Types.VARCHAR)
                .addValue("previousGroupName", entry.previousGroupName(), Types.VARCHAR)
                .addValue("reason", entry.reason(), Types.VARCHAR);
    }

    /** The id of the event the device's timeline holds at {@code sequence}, if any. */
    public Optional<String> eventIdAt(String deviceId, long sequence) {
        return jdbc.queryForList(
                "SELECT event_id FROM " + table + " WHERE device_id = :deviceId AND sequence = :sequence",
                new MapSqlParameterSource("deviceId", deviceId).addValue("sequence", sequence), String.class)
                .stream().findFirst();
    }

    public List<TimelineEntry> findByDevice(String deviceId) {
        return jdbc.query("SELECT * FROM " + table + " WHERE device_id = :deviceId ORDER BY sequence",
                new MapSqlParameterSource("deviceId", deviceId), TimelineRepository::map);
    }

    private static TimelineEntry map(ResultSet rs, int row) throws SQLException {
        String actionType = rs.getString("action_type");
        String status = rs.getString("status");
        return new TimelineEntry(
                rs.getString("device_id"),
                rs.getLong("sequence"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                instant(rs, "occurred_at"),
                rs.getString("action_id"),
                actionType == null ? null : ActionType.valueOf(actionType),
                status == null ? null : ActionStatus.valueOf(status),
                rs.getString("requestor"),
                rs.getString("comment"),
                rs.getString("tag"),
                rs.getString("group_name"),
                rs.getString("previous_group_name"),
                rs.getString("reason"));
    }
}
