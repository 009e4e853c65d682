package dev.cordon.command.action;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code action_index} table: written by {@link ActionIndexProjection}, read by the command API. */
@Repository
public class ActionIndex {

    private static final String COLUMNS = "action_id, device_id, action_type, scope, status, computer_dns_name, "
            + "requestor, requestor_comment, request_source, external_id, created_at, last_update, "
            + "cancellation_requestor, cancellation_comment, cancelled_at, error_hresult";

    private final JdbcTemplate jdbc;

    public ActionIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ActionRecord> find(String actionId) {
        return jdbc.query("select " + COLUMNS + " from action_index where action_id = ?", ActionIndex::map, actionId)
                .stream().findFirst();
    }

    public List<ActionRecord> openActionsOf(String deviceId) {
        return jdbc.query("select " + COLUMNS + " from action_index where device_id = ? "
                + "and status in ('Pending', 'InProgress') order by created_at", ActionIndex::map, deviceId);
    }

    /** Every device's open actions, oldest first, at most {@code limit}: what the simulated agent works on. */
    public List<ActionRecord> openActions(int limit) {
        return jdbc.query("select " + COLUMNS + " from action_index where status in ('Pending', 'InProgress') "
                + "order by created_at fetch first ? rows only", ActionIndex::map, limit);
    }

    /** A bulk's actions in the order they were created, a page of them. */
    public List<ActionRecord> actionsOfBulk(String bulkId, int top, int skip) {
        return jdbc.query("select " + COLUMNS + " from action_index where bulk_id = ? order by created_at, action_id"
                + " offset " + skip + " rows fetch first " + top + " rows only", ActionIndex::map, bulkId);
    }

    public List<ActionRecord> openActionsOfBulk(String bulkId) {
        return jdbc.query("select " + COLUMNS + " from action_index where bulk_id = ? and status in ('Pending',"
                + " 'InProgress') order by created_at", ActionIndex::map, bulkId);
    }

    /** How many of a bulk's actions are in each status (a status none is in is absent). */
    public Map<ActionStatus, Integer> statusCountsOfBulk(String bulkId) {
        Map<ActionStatus, Integer> counts = new EnumMap<>(ActionStatus.class);
        jdbc.query("select status, count(*) from action_index where bulk_id = ? group by status", rs -> {
            counts.put(ActionStatus.valueOf(rs.getString(1)), rs.getInt(2));
        }, bulkId);
        return counts;
    }

    public boolean exists(String actionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from action_index where action_id = ?)",
                Boolean.class, actionId));
    }

    /** @param bulkId the bulk the action belongs to; null for a single-device request */
    void insert(ActionRecord a, String bulkId) {
        jdbc.update("insert into action_index (" + COLUMNS + ", bulk_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                a.actionId(), a.deviceId(), a.type().name(), a.scope() == null ? null : a.scope().name(),
                a.status().name(), a.computerDnsName(), a.requestor(), a.requestorComment(), a.requestSource(),
                a.externalId(), ts(a.createdAt()), ts(a.lastUpdate()), null, null, null, 0, bulkId);
    }

    void updateStatus(String actionId, ActionStatus status, Instant at, int errorHResult) {
        requireOneRow(actionId, jdbc.update(
                "update action_index set status = ?, last_update = ?, error_hresult = ? where action_id = ?",
                status.name(), ts(at), errorHResult, actionId));
    }

    void cancel(String actionId, ActionStatus status, String requestor, String comment, Instant at) {
        requireOneRow(actionId, jdbc.update("update action_index set status = ?, last_update = ?, "
                + "cancellation_requestor = ?, cancellation_comment = ?, cancelled_at = ? where action_id = ?",
                status.name(), ts(at), requestor, comment, ts(at), actionId));
    }

    /** A status change for an action without its row would leave the index wrong: fail, and the command with it. */
    private static void requireOneRow(String actionId, int updated) {
        if (updated != 1) {
            throw new IllegalStateException("action_index has no row for action " + actionId);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ActionRecord map(ResultSet rs, int row) throws SQLException {
        String scope = rs.getString("scope");
        return new ActionRecord(rs.getString("action_id"), rs.getString("device_id"),
                ActionType.valueOf(rs.getString("action_type")), scope == null ? null : IsolationType.valueOf(scope),
                ActionStatus.valueOf(rs.getString("status")), rs.getString("computer_dns_name"),
                rs.getString("requestor"), rs.getString("requestor_comment"), rs.getString("request_source"),
                rs.getString("external_id"), instant(rs, "created_at"), instant(rs, "last_update"),
                rs.getString("cancellation_requestor"), rs.getString("cancellation_comment"),
                instant(rs, "cancelled_at"), rs.getInt("error_hresult"));
    }
}
