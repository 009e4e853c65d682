package dev.cordon.command.group;

import dev.cordon.command.error.RuleViolationException;
import dev.cordon.service.security.DeviceScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code device_groups} table: each device's current group, for the reads that do not load the aggregate (the
 * audit, the Idempotency-Key replay). A device without a row is in the default group, as the aggregate counts it.
 */
@Repository
public class DeviceGroupIndex {

    private final JdbcTemplate jdbc;
    private final DeviceGroups groups;

    DeviceGroupIndex(JdbcTemplate jdbc, DeviceGroups groups) {
        this.jdbc = jdbc;
        this.groups = groups;
    }

    /** The device's group's name: the default group's when it has none recorded. */
    public String groupOf(String deviceId) {
        List<String> names = jdbc.queryForList("select group_name from device_groups where device_id = ?",
                String.class, deviceId);
        return names.isEmpty() ? groups.defaultName() : names.get(0);
    }

    public boolean covers(DeviceScope scope, String deviceId) {
        return scope.all() || scope.covers(groupOf(deviceId));
    }

    /**
     * Outside the caller's groups a device does not exist: the same 404 and message as for a device never
     * registered, so the answer does not tell the one from the other.
     */
    public void requireCovered(DeviceScope scope, String deviceId) {
        if (!covers(scope, deviceId)) {
            throw RuleViolationException.unknownMachine(deviceId);
        }
    }

    /**
     * A SQL condition on {@code deviceColumn} for the devices {@code scope} covers, with its arguments; empty for
     * every device.
     *
     * @param deviceColumn the outer query's device id column, qualified when its name could also be
     *                     {@code device_groups}' own ({@code device_id})
     */
    public Optional<Condition> condition(DeviceScope scope, String deviceColumn) {
        if (scope.all()) {
            return Optional.empty();
        }
        List<String> lower = List.copyOf(scope.lowerCaseGroups());
        if (lower.isEmpty()) {
            return Optional.of(new Condition("1 = 0", List.of()));
        }
        String placeholders = String.join(", ", lower.stream().map(name -> "?").toList());
        List<Object> args = new ArrayList<>();
        args.add(groups.defaultName().toLowerCase(Locale.ROOT));
        args.addAll(lower);
        return Optional.of(new Condition("coalesce((select g.group_name_lower from device_groups g"
                + " where g.device_id = " + deviceColumn + "), ?) in (" + placeholders + ")", args));
    }

    /** A SQL condition and its arguments, in order. */
    public record Condition(String sql, List<Object> args) {
    }

    void record(String deviceId, int groupId, String groupName) {
        String lower = groupName.toLowerCase(Locale.ROOT);
        if (jdbc.update("update device_groups set group_id = ?, group_name = ?, group_name_lower = ?"
                + " where device_id = ?", groupId, groupName, lower, deviceId) == 0) {
            jdbc.update("insert into device_groups (device_id, group_id, group_name, group_name_lower)"
                    + " values (?, ?, ?, ?)", deviceId, groupId, groupName, lower);
        }
    }
}
