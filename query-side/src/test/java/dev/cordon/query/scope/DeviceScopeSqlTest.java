package dev.cordon.query.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.service.security.DeviceScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceScopeSqlTest {

    @Test
    void everyGroup_addsNothing() {
        assertThat(DeviceScopeSql.devices(DeviceScope.ALL)).isEqualTo(new DeviceScopeSql("TRUE", Map.of()));
        assertThat(DeviceScopeSql.rowsOfDevices(DeviceScope.ALL, "machine_id", "machine").sql()).isEqualTo("TRUE");
    }

    @Test
    void noGroup_seesNoDevice() {
        assertThat(DeviceScopeSql.devices(DeviceScope.NONE)).isEqualTo(new DeviceScopeSql("FALSE", Map.of()));
        assertThat(DeviceScopeSql.rowsOfDevices(DeviceScope.only(List.of(" ")), "machine_id", "machine").sql())
                .isEqualTo("FALSE");
    }

    @Test
    void someGroups_compareTheLowerCasedColumn_withTheLowerCasedNames_asOneParameter() {
        DeviceScopeSql sql = DeviceScopeSql.devices(DeviceScope.only(List.of("Servers", "SERVERS", "Lab PCs")));
        assertThat(sql.sql()).isEqualTo("LOWER(rbac_group_name) IN (:scopeGroups)");
        assertThat(sql.parameters()).containsExactly(Map.entry("scopeGroups", List.of("lab pcs", "servers")));
    }

    @Test
    void rowsOfDevices_goThroughTheMachineTable_byTheDeviceGroupAsItIsNow() {
        DeviceScopeSql sql = DeviceScopeSql.rowsOfDevices(DeviceScope.only(List.of("Servers")), "machine_id",
                "machine_rebuild");
        assertThat(sql.sql()).isEqualTo(
                "machine_id IN (SELECT id FROM machine_rebuild WHERE LOWER(rbac_group_name) IN (:scopeGroups))");
        assertThat(sql.parameters()).containsExactly(Map.entry("scopeGroups", List.of("servers")));
    }

    @Test
    void aGroupName_isAParameter_neverSql() {
        DeviceScopeSql sql = DeviceScopeSql.devices(DeviceScope.only(List.of("x') OR TRUE --")));
        assertThat(sql.sql()).doesNotContain("OR TRUE");
        assertThat(sql.parameters()).containsExactly(Map.entry("scopeGroups", List.of("x') or true --")));
    }
}
