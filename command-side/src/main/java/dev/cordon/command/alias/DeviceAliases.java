package dev.cordon.command.alias;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.command.group.DeviceGroupIndex;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.security.DeviceScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The other names a device is known by where a machine id is expected: Defender's older clients send the device's
 * {@code aadDeviceId} as the machine id of an isolate or release. Written with the device's events
 * ({@link DeviceAliasProjection}), so a device is findable by it as soon as its registration is stored.
 */
@Repository
public class DeviceAliases {

    /** How many of the devices sharing an AAD id the refusal names. */
    static final int AMBIGUOUS_SHOWN = 10;

    private final JdbcTemplate jdbc;
    private final DeviceGroupIndex groups;

    DeviceAliases(JdbcTemplate jdbc, DeviceGroupIndex groups) {
        this.jdbc = jdbc;
        this.groups = groups;
    }

    /**
     * The machine id {@code id} names: itself when a device has that machine id (or none has either name, so that
     * the device's own rules answer ResourceNotFound), else the one device registered with that {@code aadDeviceId}.
     * Only devices in the caller's groups are found by their aadDeviceId: one outside them is answered as an unknown
     * machine id, with the name the caller sent, and never named among several.
     *
     * @throws RuleViolationException InvalidInput naming the devices, when several share that aadDeviceId
     */
    public String machineIdOf(String id, DeviceScope scope) {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from device_aliases where device_id = ?)", Boolean.class, id))) {
            return id;
        }
        Optional<DeviceGroupIndex.Condition> covered = groups.condition(scope, "a.device_id");
        List<Object> args = new ArrayList<>(List.of(normalised(id)));
        covered.ifPresent(condition -> args.addAll(condition.args()));
        List<String> devices = jdbc.queryForList("select a.device_id from device_aliases a where a.aad_device_id = ?"
                + covered.map(condition -> " and " + condition.sql()).orElse("")
                + " order by a.device_id fetch first " + (AMBIGUOUS_SHOWN + 1) + " rows only", String.class,
                args.toArray());
        if (devices.size() > 1) {
            throw new RuleViolationException(ErrorCode.InvalidInput, "More than one device has aadDeviceId '" + id
                    + "': use the machine id of one of " + String.join(", ", devices.stream().limit(AMBIGUOUS_SHOWN)
                    .toList()) + (devices.size() > AMBIGUOUS_SHOWN ? " (and more)" : ""));
        }
        return devices.isEmpty() ? id : devices.get(0);
    }

    /** The device's current AAD id (null: none), replacing what was kept. */
    void record(String deviceId, String aadDeviceId) {
        if (jdbc.update("update device_aliases set aad_device_id = ? where device_id = ?", normalised(aadDeviceId),
                deviceId) == 0) {
            jdbc.update("insert into device_aliases (device_id, aad_device_id) values (?, ?)", deviceId,
                    normalised(aadDeviceId));
        }
    }

    /** For the backfill: a device written meanwhile by its own events keeps what they said. */
    void recordIfAbsent(String deviceId, String aadDeviceId) {
        try {
            jdbc.update("insert into device_aliases (device_id, aad_device_id) select ?, ? where not exists"
                    + " (select 1 from device_aliases where device_id = ?)", deviceId, normalised(aadDeviceId),
                    deviceId);
        } catch (DuplicateKeyException e) {
            // Its registration was stored between the check and the insert: that row is newer.
        }
    }

    /** Every registered device's machine id, at most {@code limit}. */
    public List<String> deviceIds(int limit) {
        return jdbc.queryForList("select device_id from device_aliases order by device_id fetch first " + limit
                + " rows only", String.class);
    }

    boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from device_aliases)", Boolean.class));
    }

    private static String normalised(String aadDeviceId) {
        return aadDeviceId == null ? null : aadDeviceId.toLowerCase(Locale.ROOT);
    }
}
