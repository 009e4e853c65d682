package dev.cordon.query.scope;

import dev.cordon.service.security.DeviceScope;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A caller's device groups as a WHERE condition: the one place they become SQL, which every read of devices, their
 * actions and their timelines adds, so that outside the caller's groups a device does not exist (a 404 like a device
 * that does not, absent from every list and filter). Names compare ignoring letter case, as
 * {@code lower(rbac_group_name)}; a device with no group (projected before groups existed) matches no list of names,
 * so only a caller covering every group sees it. Nothing is added for such a caller.
 *
 * @param sql        {@code TRUE}, {@code FALSE} (no group at all) or the condition, its names as {@link #PARAMETER}
 * @param parameters the lower-cased group names, if the condition names them
 */
public record DeviceScopeSql(String sql, Map<String, Object> parameters) {

    /** Distinct from the $filter's {@code fN} parameters, which share a query with it. */
    public static final String PARAMETER = "scopeGroups";
    public static final String GROUP_COLUMN = "rbac_group_name";

    private static final DeviceScopeSql EVERY_DEVICE = new DeviceScopeSql("TRUE", Map.of());
    private static final DeviceScopeSql NO_DEVICE = new DeviceScopeSql("FALSE", Map.of());

    /** On a query of the machine table itself (or one joined to it, {@code rbac_group_name} unqualified). */
    public static DeviceScopeSql devices(DeviceScope scope) {
        return limited(scope, "LOWER(" + GROUP_COLUMN + ") IN (:" + PARAMETER + ")");
    }

    /**
     * On a query of another read model whose rows name their device in {@code deviceIdColumn} (actions): the rows of
     * the devices in scope, by their group as it is now, so a group change applies to the device's older rows too.
     */
    public static DeviceScopeSql rowsOfDevices(DeviceScope scope, String deviceIdColumn, String machineTable) {
        return limited(scope, deviceIdColumn + " IN (SELECT id FROM " + machineTable + " WHERE LOWER(" + GROUP_COLUMN
                + ") IN (:" + PARAMETER + "))");
    }

    private static DeviceScopeSql limited(DeviceScope scope, String condition) {
        if (scope.all()) {
            return EVERY_DEVICE;
        }
        if (scope.groups().isEmpty()) {
            // IN () is no SQL; a caller with no group sees nothing.
            return NO_DEVICE;
        }
        return new DeviceScopeSql(condition, Map.of(PARAMETER, List.copyOf(scope.lowerCaseGroups())));
    }

    /** The parameters added to a query's own. */
    public MapSqlParameterSource addTo(MapSqlParameterSource params) {
        return params.addValues(parameters);
    }
}
