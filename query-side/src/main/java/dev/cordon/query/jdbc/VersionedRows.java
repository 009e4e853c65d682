package dev.cordon.query.jdbc;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The batched projection's reads and writes of a view table keyed by {@code id} with its {@code last_sequence}, the
 * same for every view (actions, devices): one query for the rows a batch touches, one JDBC batch for its upserts.
 */
public final class VersionedRows {

    private VersionedRows() {
    }

    /** The stored rows among {@code ids}, with their last sequence; one query. */
    public static <V> Map<String, Versioned<V>> findAllById(NamedParameterJdbcTemplate jdbc, String table,
                                                            Collection<String> ids, RowMapper<V> mapper) {
        Map<String, Versioned<V>> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT * FROM " + table + " WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids),
                rs -> {
                    found.put(rs.getString("id"), new Versioned<>(mapper.mapRow(rs, 0),
                            rs.getLong("last_sequence")));
                });
        return found;
    }

    /**
     * The conditional {@code upsert} of each view at its sequence, in one JDBC batch.
     *
     * @return per view, whether it was written (false: the stored row reflects a later event)
     */
    public static <V> boolean[] saveAll(NamedParameterJdbcTemplate jdbc, String upsert, List<Versioned<V>> saves,
                                        BiFunction<V, Long, SqlParameterSource> params) {
        SqlParameterSource[] batch = saves.stream().map(v -> params.apply(v.view(), v.lastSequence()))
                .toArray(SqlParameterSource[]::new);
        return BatchCounts.written(jdbc.batchUpdate(upsert, batch));
    }
}
