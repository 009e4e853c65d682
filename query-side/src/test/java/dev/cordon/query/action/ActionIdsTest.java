package dev.cordon.query.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionIdsTest {

    @Test
    void normalise_whenGuidInAnyCase_isLowercased() {
        assertThat(ActionIds.normalise("0F6AD4C4-64D6-4A6E-9D32-7D1F7BD0C1E2"))
                .isEqualTo("0f6ad4c4-64d6-4a6e-9d32-7d1f7bd0c1e2");
        assertThat(ActionIds.normalise("0f6ad4c4-64D6-4a6e-9d32-7d1f7bd0c1e2"))
                .isEqualTo("0f6ad4c4-64d6-4a6e-9d32-7d1f7bd0c1e2");
    }

    @Test
    void normalise_whenNotAGuid_isUnchanged() {
        assertThat(ActionIds.normalise("ACT-1")).isEqualTo("ACT-1");
        assertThat(ActionIds.normalise("0F6AD4C4-64D6-4A6E-9D32-7D1F7BD0C1E2X"))
                .isEqualTo("0F6AD4C4-64D6-4A6E-9D32-7D1F7BD0C1E2X");
        assertThat(ActionIds.normalise("{0F6AD4C4-64D6-4A6E-9D32-7D1F7BD0C1E2}"))
                .isEqualTo("{0F6AD4C4-64D6-4A6E-9D32-7D1F7BD0C1E2}");
    }
}
