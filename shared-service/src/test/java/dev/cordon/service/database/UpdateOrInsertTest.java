package dev.cordon.service.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

class UpdateOrInsertTest {

    private record Row(String key, String value) {
    }

    private static final String UPDATE = "update t set v = ? where k = ?";
    private static final String INSERT = "insert into t (k, v) values (?, ?)";
    private static final ParameterizedPreparedStatementSetter<Row> UPDATE_VALUES = (s, row) -> {
        s.setString(1, row.value());
        s.setString(2, row.key());
    };
    private static final ParameterizedPreparedStatementSetter<Row> INSERT_VALUES = (s, row) -> {
        s.setString(1, row.key());
        s.setString(2, row.value());
    };

    private JdbcDataSource dataSource;

    @BeforeEach
    void table() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:upsert-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new JdbcTemplate(dataSource).execute("create table t (k varchar primary key, v varchar)");
    }

    @Test
    void existingRowsAreUpdated_missingOnesInserted() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(INSERT, "a", "old");

        UpdateOrInsert.rows(jdbc, List.of(new Row("a", "new"), new Row("b", "first")), UPDATE, UPDATE_VALUES, INSERT,
                INSERT_VALUES);

        assertThat(values(jdbc)).isEqualTo(Map.of("a", "new", "b", "first"));
    }

    /** Another writer inserts a row between the updates and the inserts: every row still ends as given. */
    @Test
    void aRowInsertedMeanwhile_isStillWrittenAsGiven() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource) {
            private boolean raced;

            @Override
            public <T> int[][] batchUpdate(String sql, Collection<T> rows, int size,
                                           ParameterizedPreparedStatementSetter<T> values) {
                if (sql.startsWith("insert") && !raced) {
                    raced = true;
                    update(INSERT, "c", "theirs");
                }
                return super.batchUpdate(sql, rows, size, values);
            }
        };

        UpdateOrInsert.rows(jdbc, List.of(new Row("b", "ours"), new Row("c", "ours")), UPDATE, UPDATE_VALUES, INSERT,
                INSERT_VALUES);

        assertThat(values(jdbc)).isEqualTo(Map.of("b", "ours", "c", "ours"));
    }

    private static Map<String, String> values(JdbcTemplate jdbc) {
        return Map.copyOf(jdbc.query("select k, v from t", rs -> {
            Map<String, String> all = new java.util.HashMap<>();
            while (rs.next()) {
                all.put(rs.getString(1), rs.getString(2));
            }
            return all;
        }));
    }
}
