package dev.cordon.query.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadModelTablesTest {

    @Test
    void withSuffix_namesEveryTableOfTheSet() {
        assertThat(ReadModelTables.LIVE.withSuffix("_rebuild").all())
                .containsExactly("machine_rebuild", "machine_action_rebuild", "timeline_entry_rebuild");
    }

    /** Table names are written into SQL (identifiers cannot be bound): only plain ones are made. */
    @Test
    void withSuffix_whenNotAPlainIdentifier_isRefused() {
        assertThatThrownBy(() -> ReadModelTables.LIVE.withSuffix("; drop table machine"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
