package dev.cordon.query.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.query.odata.ODataException;
import dev.cordon.query.odata.ODataParser;
import dev.cordon.query.odata.SqlFilter;
import dev.cordon.query.odata.SqlFilterRenderer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The device group's two fields in $filter. */
class MachineFilterTest {

    private static SqlFilter render(String filter) {
        return SqlFilterRenderer.render(ODataParser.parse(filter, MachineFilter.SCHEMA));
    }

    @Test
    void rbacGroupName_comparesIgnoringLetterCase_asTheScopeDoes() {
        SqlFilter eq = render("rbacGroupName eq 'SERVERS'");
        assertThat(eq.sql()).isEqualTo("LOWER(rbac_group_name) = :f0");
        assertThat(eq.parameters()).isEqualTo(Map.of("f0", "servers"));
        assertThat(render("rbacGroupName ne 'Servers'").sql()).isEqualTo("LOWER(rbac_group_name) IS DISTINCT FROM :f0");
        assertThat(render("rbacGroupName eq null").sql()).isEqualTo("LOWER(rbac_group_name) IS NULL");
    }

    @Test
    void rbacGroupName_takesStartswith() {
        SqlFilter prefix = render("startswith(rbacGroupName,'Serv')");
        assertThat(prefix.sql()).contains("LIKE :f0");
        assertThat(prefix.parameters()).isEqualTo(Map.of("f0", "serv%"));
    }

    @Test
    void rbacGroupId_isABareWholeNumber() {
        SqlFilter eq = render("rbacGroupId eq 5 or rbacGroupId ne 2147483647");
        assertThat(eq.sql()).isEqualTo("(rbac_group_id = :f0 OR rbac_group_id IS DISTINCT FROM :f1)");
        assertThat(eq.parameters()).isEqualTo(Map.of("f0", 5, "f1", Integer.MAX_VALUE));
        assertThat(render("rbacGroupId eq null").sql()).isEqualTo("rbac_group_id IS NULL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rbacGroupId eq '5'", "rbacGroupId eq 5.5", "rbacGroupId eq 2147483648",
            "rbacGroupId eq 99999999999", "rbacGroupId gt 5", "rbacGroupId eq 2024-01-01", "startswith(rbacGroupId,'1')"})
    void rbacGroupId_otherwise_isRejected(String filter) {
        assertThatThrownBy(() -> render(filter)).isInstanceOf(ODataException.class);
    }
}
