package dev.cordon.query.action;

import static dev.cordon.query.jdbc.Timestamps.instant;
import static dev.cordon.query.jdbc.Timestamps.utc;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.jdbc.ReadModelTables;
import dev.cordon.query.jdbc.SqlDialect;
import dev.cordon.query.jdbc.Versioned;
import dev.cordon.query.jdbc.VersionedRows;
import dev.cordon.query.odata.ODataQuery;
import dev.cordon.query.scope.DeviceScopeSql;
import dev.cordon.service.security.DeviceScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class MachineActionRepository {

    /**
     * The WHERE keeps an older event from overwriting a newer state: should a device's events ever arrive out of
     * order (e.g. after the topic's partition count changed), only the one with the highest sequence counts.
     */
    private static final String UPSERT = """
            INSERT INTO %1$s (id, type, scope, title, requestor, requestor_comment, request_source,
                external_id, status, machine_id, computer_dns_name, creation_date_time_utc, last_update_date_time_utc,
                cancellation_requestor, cancellation_comment, cancellation_date_time_utc, error_hresult, bulk_action_id,
                last_sequence)
            VALUES (:id, :type, :scope, :title, :requestor, :requestorComment, :requestSource, :externalId, :status,
                :machineId, :computerDnsName, :created, :lastUpdate, :cancellationRequestor, :cancellationComment,
                :cancelledAt, :errorHResult, :bulkActionId, :lastSequence)
            ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, scope = EXCLUDED.scope, title = EXCLUDED.title,
                requestor = EXCLUDED.requestor, requestor_comment = EXCLUDED.requestor_comment,
                request_source = EXCLUDED.request_source, external_id = EXCLUDED.external_id,
                status = EXCLUDED.status, machine_id = EXCLUDED.machine_id,
                computer_dns_name = EXCLUDED.computer_dns_name,
                creation_date_time_utc = EXCLUDED.creation_date_time_utc,
                last_update_date_time_utc = EXCLUDED.last_update_date_time_utc,
                cancellation_requestor = EXCLUDED.cancellation_requestor,
                cancellation_comment = EXCLUDED.cancellation_comment,
                cancellation_date_time_utc = EXCLUDED.cancellation_date_time_utc,
                error_hresult = EXCLUDED.error_hresult, bulk_action_id = EXCLUDED.bulk_action_id,
                last_sequence = EXCLUDED.last_sequence
            WHERE %1$s.last_sequence < EXCLUDED.last_sequence
            """;
    /** The same for H2, whose PostgreSQL mode has ON CONFLICT only as DO NOTHING: a MERGE with the same rule. */
    private static final String MERGE = """
            MERGE INTO %1$s USING (VALUES (1)) AS one (x) ON %1$s.id = :id
            WHEN MATCHED AND %1$s.last_sequence < :lastSequence THEN UPDATE SET type = :type,
                scope = :scope, title = :title, requestor = :requestor, requestor_comment = :requestorComment,
                request_source = :requestSource, external_id = :externalId, status = :status,
                machine_id = :machineId, computer_dns_name = :computerDnsName, creation_date_time_utc = :created,
                last_update_date_time_utc = :lastUpdate, cancellation_requestor = :cancellationRequestor,
                cancellation_comment = :cancellationComment, cancellation_date_time_utc = :cancelledAt,
                error_hresult = :errorHResult, bulk_action_id = :bulkActionId, last_sequence = :lastSequence
            WHEN NOT MATCHED THEN INSERT (id, type, scope, title, requestor, requestor_comment, request_source,
                external_id, status, machine_id, computer_dns_name, creation_date_time_utc, last_update_date_time_utc,
                cancellation_requestor, cancellation_comment, cancellation_date_time_utc, error_hresult, bulk_action_id,
                last_sequence)
            VALUES (:id, :type, :scope, :title, :requestor, :requestorComment, :requestSource, :externalId, :status,
                :machineId, :computerDnsName, :created, :lastUpdate, :cancellationRequestor, :cancellationComment,
                :cancelledAt, :errorHResult, :bulkActionId, :lastSequence)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;
    private final String machineTable;
    private final String upsert;

    @Autowired
    public MachineActionRepository(NamedParameterJdbcTemplate jdbc, SqlDialect dialect) {
        this(jdbc, dialect, ReadModelTables.LIVE);
    }

    /** On another table set: a rebuild projects into its shadow tables with this. */
    public MachineActionRepository(NamedParameterJdbcTemplate jdbc, SqlDialect dialect, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.table = tables.machineAction();
        this.machineTable = tables.machine();
        this.upsert = (dialect == SqlDialect.H2 ? MERGE : UPSERT).formatted(table);
    }

    /** Whatever the caller: the projection's read, and the by-id read, which checks the device's group itself. */
    public Optional<MachineActionView> findById(String id) {
        return jdbc.query("SELECT * FROM " + table + " WHERE id = :id", new MapSqlParameterSource("id", id),
                MachineActionRepository::map).stream().findFirst();
    }

    /**
     * The actions of the devices in the caller's groups, by each device's group as it is now. The filter and order
     * SQL hold only whitelisted columns; the filter's literals are in its parameters.
     */
    public List<MachineActionView> find(ODataQuery query, DeviceScope scope) {
        DeviceScopeSql inScope = DeviceScopeSql.rowsOfDevices(scope, "machine_id", machineTable);
        MapSqlParameterSource params = inScope.addTo(new MapSqlParameterSource(query.filter().parameters()))
                .addValue("top", query.top())
                .addValue("skip", query.skip());
        return jdbc.query("SELECT * FROM " + table + " WHERE " + inScope.sql() + " AND " + query.filter().sql()
                + " ORDER BY " + query.orderBy().sql() + " LIMIT :top OFFSET :skip", params,
                MachineActionRepository::map);
    }

    /** @return false if the stored action already reflects an event at or after {@code sequence}: nothing changed */
    public boolean save(MachineActionView action, long sequence) {
        return jdbc.update(upsert, params(action, sequence)) == 1;
    }

    /** The stored actions among {@code ids}, with their last sequence; one query. */
    public Map<String, Versioned<MachineActionView>> findAllById(Collection<String> ids) {
        return VersionedRows.findAllById(jdbc, table, ids, MachineActionRepository::map);
    }

    /**
     * {@link #save} for many actions in one JDBC batch.
     *
     * @return per action, as {@link #save}: whether it was written
     */
    public boolean[] saveAll(List<Versioned<MachineActionView>> saves) {
        return VersionedRows.saveAll(jdbc, upsert, saves, MachineActionRepository::params);
    }

    private static MapSqlParameterSource params(MachineActionView action, long sequence) {
        return new MapSqlParameterSource()
                .addValue("id", action.id(), Types.VARCHAR)
                .addValue("type", action.type().name(), Types.VARCHAR)
                .addValue("scope", action.scope() == null ? null : action.scope().name(), Types.VARCHAR)
                .addValue("title", action.title(), Types.VARCHAR)
                .addValue("requestor", action.requestor(), Types.VARCHAR)
                .addValue("requestorComment", action.requestorComment(), Types.VARCHAR)
                .addValue("requestSource", action.requestSource(), Types.VARCHAR)
                .addValue("externalId", action.externalId(), Types.VARCHAR)
                .addValue("status", action.status().name(), Types.VARCHAR)
                .addValue("machineId", action.machineId(), Types.VARCHAR)
                .addValue("computerDnsName", action.computerDnsName(), Types.VARCHAR)
                .addValue("created", utc(action.creationDateTimeUtc()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("lastUpdate", utc(action.lastUpdateDateTimeUtc()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("cancellationRequestor", action.cancellationRequestor(), Types.VARCHAR)
                .addValue("cancellationComment", action.cancellationComment(), Types.VARCHAR)
                .addValue("cancelledAt", utc(action.cancellationDateTimeUtc()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("errorHResult", action.errorHResult(), Types.INTEGER)
                .addValue("bulkActionId", action.bulkActionId(), Types.VARCHAR)
                .addValue("lastSequence", sequence, Types.BIGINT);
    }

    private static MachineActionView map(ResultSet rs, int row) throws SQLException {
        String scope = rs.getString("scope");
        return new MachineActionView(
                rs.getString("id"),
                ActionType.valueOf(rs.getString("type")),
                scope == null ? null : IsolationType.valueOf(scope),
                rs.getString("title"),
                rs.getString("requestor"),
                rs.getString("requestor_comment"),
                rs.getString("request_source"),
                rs.getString("external_id"),
                ActionStatus.valueOf(rs.getString("status")),
                rs.getString("machine_id"),
                rs.getString("computer_dns_name"),
                instant(rs, "creation_date_time_utc"),
                instant(rs, "last_update_date_time_utc"),
                rs.getString("cancellation_requestor"),
                rs.getString("cancellation_comment"),
                instant(rs, "cancellation_date_time_utc"),
                rs.getInt("error_hresult"),
                rs.getString("bulk_action_id"));
    }
}
