package dev.cordon.command.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.bulk.BulkRefusal;
import dev.cordon.service.security.DeviceScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code bulk_actions} and {@code bulk_action_refusals}: the row is written by the creating command
 * ({@link BulkActionRegistry}), its status and refusals by {@link BulkActionProjection} with the events, its lease and
 * progress by the dispatcher.
 */
@Repository
class BulkActionTable implements BulkActionRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "bulk_id, action_type, isolation_type, requestor, requestor_comment,"
            + " request_source, external_id, filter, created_at, status, targeted, scope_all, scope_groups, request_id,"
            + " caller_request_id, dispatched_targets, cancellation_requestor, cancellation_comment, cancelled_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BulkProperties properties;
    private final DispatcherIdentity self;

    BulkActionTable(JdbcTemplate jdbc, Clock clock, BulkProperties properties, DispatcherIdentity self) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.self = self;
    }

    /** The new bulk, leased to this replica, which dispatches it as soon as the command has committed. */
    @Override
    public void register(RequestBulkActionCommand cmd) {
        var r = cmd.request();
        jdbc.update("insert into bulk_actions (" + COLUMNS + ", lease_owner, lease_until) values"
                        + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                cmd.bulkId(), cmd.actionType().name(), cmd.isolationType() == null ? null : cmd.isolationType().name(),
                r.requestor(), r.comment(), r.requestSource(), r.externalId(), cmd.filter(), ts(r.requestedAt()),
                BulkStatus.Dispatching.name(), cmd.targeted(), cmd.scope().all(), groups(cmd.scope()),
                cmd.requestId(), cmd.callerRequestId(), 0, null, null, null, self.id(),
                ts(clock.instant().plus(properties.lease())));
    }

    Optional<BulkActionRow> find(String bulkId) {
        return jdbc.query("select " + COLUMNS + " from bulk_actions where bulk_id = ?", BulkActionTable::map, bulkId)
                .stream().findFirst();
    }

    /**
     * Takes the bulk's lease for this replica: when it holds it already, or nobody does any more (its holder died or
     * stopped). One conditional UPDATE, so of two replicas that try at once exactly one wins.
     */
    boolean claim(String bulkId) {
        Instant now = clock.instant();
        return jdbc.update("update bulk_actions set lease_owner = ?, lease_until = ? where bulk_id = ? and status = ?"
                        + " and (lease_owner = ? or lease_until is null or lease_until < ?)", self.id(),
                ts(now.plus(properties.lease())), bulkId, BulkStatus.Dispatching.name(), self.id(), ts(now)) == 1;
    }

    /** Bulks still dispatching whose lease ran out, oldest first. */
    List<String> abandoned(int limit) {
        return jdbc.queryForList("select bulk_id from bulk_actions where status = ? and (lease_until is null or"
                + " lease_until < ?) order by created_at fetch first " + limit + " rows only", String.class,
                BulkStatus.Dispatching.name(), ts(clock.instant()));
    }

    /** The targets before {@code upTo} are done; false when this replica no longer holds the lease. */
    boolean progress(String bulkId, int upTo) {
        return jdbc.update("update bulk_actions set dispatched_targets = ?, lease_until = ? where bulk_id = ?"
                        + " and lease_owner = ? and status = ?", upTo, ts(clock.instant().plus(properties.lease())),
                bulkId, self.id(), BulkStatus.Dispatching.name()) == 1;
    }

    /** Lets another replica (or this one after a restart) take the bulk at once, instead of after the lease. */
    void release(String bulkId) {
        jdbc.update("update bulk_actions set lease_owner = null, lease_until = null where bulk_id = ? and"
                + " lease_owner = ?", bulkId, self.id());
    }

    void markDispatched(String bulkId) {
        jdbc.update("update bulk_actions set status = ?, lease_owner = null, lease_until = null where bulk_id = ?"
                + " and status = ?", BulkStatus.Dispatched.name(), bulkId, BulkStatus.Dispatching.name());
    }

    void markCancelled(String bulkId, String requestor, String comment, Instant at) {
        jdbc.update("update bulk_actions set status = ?, lease_owner = null, lease_until = null,"
                        + " cancellation_requestor = ?, cancellation_comment = ?, cancelled_at = ? where bulk_id = ?",
                BulkStatus.Cancelled.name(), requestor, comment, ts(at), bulkId);
    }

    void insertRefusals(String bulkId, List<BulkRefusal> refusals, Instant at) {
        jdbc.batchUpdate("insert into bulk_action_refusals (bulk_id, machine_id, error_code, message, refused_at)"
                        + " values (?, ?, ?, ?, ?)",
                refusals.stream().map(r -> new Object[] {bulkId, r.machineId(), r.errorCode(), r.message(), ts(at)})
                        .toList());
    }

    List<BulkRefusal> refusals(String bulkId) {
        return jdbc.query("select machine_id, error_code, message from bulk_action_refusals where bulk_id = ?"
                        + " order by refused_at, machine_id",
                (rs, row) -> new BulkRefusal(rs.getString(1), rs.getString(2), rs.getString(3)), bulkId);
    }

    Map<String, Integer> refusalsByCode(String bulkId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("select error_code, count(*) from bulk_action_refusals where bulk_id = ? group by error_code"
                + " order by error_code", rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, bulkId);
        return counts;
    }

    private static String groups(DeviceScope scope) {
        try {
            return JSON.writeValueAsString(scope.groups());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeviceScope scope(boolean all, String groups) throws SQLException {
        if (all) {
            return DeviceScope.ALL;
        }
        try {
            return DeviceScope.only(JSON.readValue(groups, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new SQLException("bulk_actions.scope_groups is no JSON array of names", e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static BulkActionRow map(ResultSet rs, int row) throws SQLException {
        String isolation = rs.getString("isolation_type");
        return new BulkActionRow(rs.getString("bulk_id"), ActionType.valueOf(rs.getString("action_type")),
                isolation == null ? null : IsolationType.valueOf(isolation), rs.getString("requestor"),
                rs.getString("requestor_comment"), rs.getString("request_source"), rs.getString("external_id"),
                rs.getString("filter"), instant(rs, "created_at"), BulkStatus.valueOf(rs.getString("status")),
                rs.getInt("targeted"), scope(rs.getBoolean("scope_all"), rs.getString("scope_groups")),
                rs.getString("request_id"), rs.getString("caller_request_id"), rs.getInt("dispatched_targets"),
                rs.getString("cancellation_requestor"), rs.getString("cancellation_comment"),
                instant(rs, "cancelled_at"));
    }
}
