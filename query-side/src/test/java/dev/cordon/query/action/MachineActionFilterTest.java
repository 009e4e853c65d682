package dev.cordon.query.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.query.odata.ODataQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineActionFilterTest {

    private static ODataQuery query(String filter) {
        return ODataQuery.parse(Map.of("$filter", List.of(filter)), MachineActionFilter.SCHEMA,
                MachineActionFilter.ORDERINGS);
    }

    @Test
    void filter_whenIdIsGuidInUpperCase_comparesItLowercased() {
        assertThat(query("id eq '0F6AD4C4-64D6-4A6E-9D32-7D1F7BD0C1E2' or id ne 'ABC'").filter().parameters())
                .containsEntry("f0", "0f6ad4c4-64d6-4a6e-9d32-7d1f7bd0c1e2")
                .containsEntry("f1", "ABC");
    }

    @Test
    void filter_whenOtherFieldHoldsGuid_keepsItsCase() {
        assertThat(query("machineId eq '0F6AD4C4-64D6-4A6E-9D32-7D1F7BD0C1E2'").filter().parameters())
                .containsEntry("f0", "0F6AD4C4-64D6-4A6E-9D32-7D1F7BD0C1E2");
    }
}
