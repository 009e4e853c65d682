package dev.cordon.query.machine;

import static dev.cordon.query.jdbc.Timestamps.instant;
import static dev.cordon.query.jdbc.Timestamps.utc;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.query.jdbc.ReadModelTables;
import dev.cordon.query.jdbc.SqlDialect;
import dev.cordon.query.jdbc.Versioned;
import dev.cordon.query.jdbc.VersionedRows;
import dev.cordon.query.odata.ODataQuery;
import dev.cordon.query.odata.TagColumn;
import dev.cordon.query.scope.DeviceScopeSql;
import dev.cordon.service.security.DeviceScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class MachineRepository {

    /** As for actions: the WHERE keeps an event that arrived out of order from overwriting a newer state. */
    private static final String UPSERT = """
            INSERT INTO %1$s (id, computer_dns_name, os_platform, os_build, version, aad_device_id, risk_score,
                exposure_level, first_seen, isolation_state, isolation_scope, pending_action_id, last_action_id,
                last_action_type, last_action_status, last_update, machine_tags, rbac_group_id, rbac_group_name,
                last_sequence)
            VALUES (:id, :computerDnsName, :osPlatform, :osBuild, :version, :aadDeviceId, :riskScore, :exposureLevel,
                :firstSeen, :isolationState, :isolationScope, :pendingActionId, :lastActionId, :lastActionType,
                :lastActionStatus, :lastUpdate, :machineTags, :rbacGroupId, :rbacGroupName, :lastSequence)
            ON CONFLICT (id) DO UPDATE SET computer_dns_name = EXCLUDED.computer_dns_name,
                os_platform = EXCLUDED.os_platform, os_build = EXCLUDED.os_build, version = EXCLUDED.version,
                aad_device_id = EXCLUDED.aad_device_id, risk_score = EXCLUDED.risk_score,
                exposure_level = EXCLUDED.exposure_level, first_seen = EXCLUDED.first_seen,
                isolation_state = EXCLUDED.isolation_state, isolation_scope = EXCLUDED.isolation_scope,
                pending_action_id = EXCLUDED.pending_action_id, last_action_id = EXCLUDED.last_action_id,
                last_action_type = EXCLUDED.last_action_type, last_action_status = EXCLUDED.last_action_status,
                last_update = EXCLUDED.last_update, machine_tags = EXCLUDED.machine_tags,
                rbac_group_id = EXCLUDED.rbac_group_id, rbac_group_name = EXCLUDED.rbac_group_name,
                last_sequence = EXCLUDED.last_sequence
            WHERE %1$s.last_sequence < EXCLUDED.last_sequence
            """;
    /** The same for H2, whose PostgreSQL mode has ON CONFLICT only as DO NOTHING: a MERGE with the same rule. */
    private static final String MERGE = """
            MERGE INTO %1$s USING (VALUES (1)) AS one (x) ON %1$s.id = :id
            WHEN MATCHED AND %1$s.last_sequence < :lastSequence THEN UPDATE SET
                computer_dns_name = :computerDnsName, os_platform = :osPlatform, os_build = :osBuild,
                version = :version, aad_device_id = :aadDeviceId, risk_score = :riskScore,
                exposure_level = :exposureLevel, first_seen = :firstSeen,
                isolation_state = :isolationState, isolation_scope = :isolationScope,
                pending_action_id = :pendingActionId, last_action_id = :lastActionId,
                last_action_type = :lastActionType, last_action_status = :lastActionStatus,
                last_update = :lastUpdate, machine_tags = :machineTags, rbac_group_id = :rbacGroupId,
                rbac_group_name = :rbacGroupName, last_sequence = :lastSequence
            WHEN NOT MATCHED THEN INSERT (id, computer_dns_name, os_platform, os_build, version, aad_device_id,
                risk_score, exposure_level, first_seen, isolation_state, isolation_scope, pending_action_id,
                last_action_id, last_action_type, last_action_status, last_update, machine_tags, rbac_group_id,
                rbac_group_name, last_sequence)
            VALUES (:id, :computerDnsName, :osPlatform, :osBuild, :version, :aadDeviceId, :riskScore, :exposureLevel,
                :firstSeen, :isolationState, :isolationScope, :pendingActionId, :lastActionId, :lastActionType,
                :lastActionStatus, :lastUpdate, :machineTags, :rbacGroupId, :rbacGroupName, :lastSequence)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;
    private final String upsert;

    @Autowired
    public MachineRepository(NamedParameterJdbcTemplate jdbc, SqlDialect dialect) {
        this(jdbc, dialect, ReadModelTables.LIVE);
    }

    /** On another table set: a rebuild projects into its shadow tables with this. */
    public MachineRepository(NamedParameterJdbcTemplate jdbc, SqlDialect dialect, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.table = tables.machine();
        this.upsert = (dialect == SqlDialect.H2 ? MERGE : UPSERT).formatted(table);
    }

    /** Every device, whatever the caller: the projection's own read. */
    public Optional<MachineView> findById(String id) {
        return jdbc.query("SELECT * FROM " + table + " WHERE id = :id", new MapSqlParameterSource("id", id),
                MachineRepository::map).stream().findFirst();
    }

    /** A device the caller's groups cover, as a read answers it. */
    public Optional<MachineView> findById(String id, DeviceScope scope) {
        DeviceScopeSql inScope = DeviceScopeSql.devices(scope);
        return jdbc.query("SELECT * FROM " + table + " WHERE id = :id AND " + inScope.sql(),
                inScope.addTo(new MapSqlParameterSource("id", id)), MachineRepository::map).stream().findFirst();
    }

    /** A device as the API shows it: its read model and its presence. */
    record Entity(MachineView view, MachinePresence presence) {
    }

    /**
     * The read model joined with the presence, which is no read model of the events (a rebuild leaves it alone),
     * limited to the caller's groups; the conditions that follow are ANDed on.
     */
    private String entities(DeviceScopeSql inScope) {
        return "SELECT *, " + MachinePresence.HEALTH_STATUS + " AS shown_health_status, "
                + MachinePresence.ONBOARDING_STATUS + " AS shown_onboarding_status FROM " + table
                + " LEFT JOIN machine_presence ON machine_presence.device_id = " + table + ".id WHERE "
                + inScope.sql();
    }

    Optional<Entity> entityById(String id, DeviceScope scope) {
        DeviceScopeSql inScope = DeviceScopeSql.devices(scope);
        return jdbc.query(entities(inScope) + " AND id = :id", inScope.addTo(new MapSqlParameterSource("id", id)),
                MachineRepository::entity).stream().findFirst();
    }

    /**
     * Devices in the caller's groups whose computer name is {@code name}, case-insensitively (as DNS names are), by
     * id; at most {@code limit}, enough to say that a name is ambiguous and which devices share it.
     */
    List<Entity> entitiesNamed(String name, int limit, DeviceScope scope) {
        DeviceScopeSql inScope = DeviceScopeSql.devices(scope);
        return jdbc.query(entities(inScope) + " AND LOWER(computer_dns_name) = :name ORDER BY id LIMIT :limit",
                inScope.addTo(new MapSqlParameterSource("name", name.toLowerCase(Locale.ROOT))
                        .addValue("limit", limit)), MachineRepository::entity);
    }

    /** The filter and order SQL hold only whitelisted columns (of either table); pages are stable by id. */
    List<Entity> entities(ODataQuery query, DeviceScope scope) {
        DeviceScopeSql inScope = DeviceScopeSql.devices(scope);
        MapSqlParameterSource params = inScope.addTo(new MapSqlParameterSource(query.filter().parameters()))
                .addValue("top", query.top())
                .addValue("skip", query.skip());
        return jdbc.query(entities(inScope) + " AND " + query.filter().sql() + " ORDER BY " + query.orderBy().sql()
                + " LIMIT :top OFFSET :skip", params, MachineRepository::entity);
    }

    private static Entity entity(ResultSet rs, int row) throws SQLException {
        return new Entity(map(rs, row), new MachinePresence(instant(rs, "last_seen"), rs.getString("last_ip_address"),
                rs.getString("last_external_ip_address"), rs.getString("shown_health_status"),
                rs.getString("shown_onboarding_status")));
    }

    /** Whether the device exists for this caller: in the read model and in the caller's groups. */
    public boolean exists(String id, DeviceScope scope) {
        DeviceScopeSql inScope = DeviceScopeSql.devices(scope);
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table
                        + " WHERE id = :id AND " + inScope.sql() + ")",
                inScope.addTo(new MapSqlParameterSource("id", id)), Boolean.class));
    }

    /**
     * Whether the caller may see what names this device (an action read from the event store, which may be ahead of
     * the read model): a caller covering every group sees it even before the device is projected, any other only
     * once the device is, in one of its groups.
     */
    public boolean covers(DeviceScope scope, String id) {
        return scope.all() || exists(id, scope);
    }

    /** @return false if the stored device already reflects an event at or after {@code sequence}: nothing changed */
    public boolean save(MachineView machine, long sequence) {
        return jdbc.update(upsert, params(machine, sequence)) == 1;
    }

    /** The stored devices among {@code ids}, with their last sequence; one query. */
    public Map<String, Versioned<MachineView>> findAllById(Collection<String> ids) {
        return VersionedRows.findAllById(jdbc, table, ids, MachineRepository::map);
    }

    /**
     * {@link #save} for many devices in one JDBC batch.
     *
     * @return per device, as {@link #save}: whether it was written
     */
    public boolean[] saveAll(List<Versioned<MachineView>> saves) {
        return VersionedRows.saveAll(jdbc, upsert, saves, MachineRepository::params);
    }

    private static MapSqlParameterSource params(MachineView machine, long sequence) {
        return new MapSqlParameterSource()
                .addValue("id", machine.id(), Types.VARCHAR)
                .addValue("computerDnsName", machine.computerDnsName(), Types.VARCHAR)
                .addValue("osPlatform", name(machine.osPlatform()), Types.VARCHAR)
                .addValue("osBuild", machine.osBuild(), Types.VARCHAR)
                .addValue("version", machine.version(), Types.VARCHAR)
                .addValue("aadDeviceId", machine.aadDeviceId(), Types.VARCHAR)
                .addValue("riskScore", machine.riskScore().name(), Types.VARCHAR)
                .addValue("exposureLevel", machine.exposureLevel().name(), Types.VARCHAR)
                .addValue("firstSeen", utc(machine.firstSeen()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("isolationState", machine.isolationState().name(), Types.VARCHAR)
                .addValue("isolationScope", name(machine.isolationScope()), Types.VARCHAR)
                .addValue("pendingActionId", machine.pendingActionId(), Types.VARCHAR)
                .addValue("lastActionId", machine.lastActionId(), Types.VARCHAR)
                .addValue("lastActionType", name(machine.lastActionType()), Types.VARCHAR)
                .addValue("lastActionStatus", name(machine.lastActionStatus()), Types.VARCHAR)
                .addValue("lastUpdate", utc(machine.lastUpdate()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("machineTags", TagColumn.encode(machine.machineTags()), Types.VARCHAR)
                .addValue("rbacGroupId", machine.rbacGroupId(), Types.INTEGER)
                .addValue("rbacGroupName", machine.rbacGroupName(), Types.VARCHAR)
                .addValue("lastSequence", sequence, Types.BIGINT);
    }

    private static MachineView map(ResultSet rs, int row) throws SQLException {
        return new MachineView(
                rs.getString("id"),
                rs.getString("computer_dns_name"),
                parse(OsPlatform.class, rs.getString("os_platform")),
                rs.getString("os_build"),
                rs.getString("version"),
                rs.getString("aad_device_id"),
                RiskScore.valueOf(rs.getString("risk_score")),
                ExposureLevel.valueOf(rs.getString("exposure_level")),
                instant(rs, "first_seen"),
                IsolationState.valueOf(rs.getString("isolation_state")),
                parse(IsolationType.class, rs.getString("isolation_scope")),
                rs.getString("pending_action_id"),
                rs.getString("last_action_id"),
                parse(ActionType.class, rs.getString("last_action_type")),
                parse(ActionStatus.class, rs.getString("last_action_status")),
                instant(rs, "last_update"),
                TagColumn.decode(rs.getString("machine_tags")),
                rs.getObject("rbac_group_id") == null ? null : rs.getInt("rbac_group_id"),
                rs.getString("rbac_group_name"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
