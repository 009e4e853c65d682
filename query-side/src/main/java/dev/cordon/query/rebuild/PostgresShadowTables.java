package dev.cordon.query.rebuild;

import dev.cordon.query.jdbc.ReadModelTables;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL: {@code LIKE ... INCLUDING ALL} copies columns, defaults, constraints and indexes; DDL is
 * transactional, so the swap is atomic. The copied indexes get generated names; the swap gives them the live
 * indexes' names back (matched by definition), so that later migrations find the names they were written for.
 */
final class PostgresShadowTables implements ShadowTables {

    private static final Logger log = LoggerFactory.getLogger(PostgresShadowTables.class);
    /** A swap waits this long for readers that hold a table; then it gives up and the live tables stay. */
    private static final String LOCK_TIMEOUT = "10s";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    PostgresShadowTables(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void create(ReadModelTables live, ReadModelTables shadow) {
        transactions.executeWithoutResult(status -> {
            drop(shadow);
            for (int i = 0; i < live.all().size(); i++) {
                jdbc.execute("CREATE TABLE " + shadow.all().get(i) + " (LIKE " + live.all().get(i)
                        + " INCLUDING ALL)");
            }
        });
    }

    @Override
    public void swap(ReadModelTables live, ReadModelTables shadow) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            jdbc.execute("LOCK TABLE " + String.join(", ", live.all()) + " IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < live.all().size(); i++) {
                String liveTable = live.all().get(i);
                String shadowTable = shadow.all().get(i);
                Map<String, String> renames = indexRenames(liveTable, shadowTable);
                jdbc.execute("DROP TABLE " + liveTable);
                jdbc.execute("ALTER TABLE " + shadowTable + " RENAME TO " + liveTable);
                // Renaming the index of a primary key or unique constraint renames the constraint too.
                renames.forEach((from, to) -> jdbc.execute("ALTER INDEX " + quote(from) + " RENAME TO " + quote(to)));
            }
        });
    }

    @Override
    public void drop(ReadModelTables tables) {
        tables.all().forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + table));
    }

    @Override
    public String textKeyOrder(String column) {
        return column + " COLLATE \"C\"";
    }

    /** Shadow index name to live index name, paired by their definitions with the names taken out. */
    private Map<String, String> indexRenames(String liveTable, String shadowTable) {
        Map<String, Deque<String>> liveByDefinition = new HashMap<>();
        indexes(liveTable).forEach((name, definition) ->
                liveByDefinition.computeIfAbsent(definition, d -> new ArrayDeque<>()).add(name));
        Map<String, String> renames = new LinkedHashMap<>();
        indexes(shadowTable).forEach((name, definition) -> {
            Deque<String> liveNames = liveByDefinition.get(definition);
            if (liveNames == null || liveNames.isEmpty()) {
                log.warn("Index {} of {} has no counterpart on {}; it keeps its name", name, shadowTable, liveTable);
            } else {
                renames.put(name, liveNames.removeFirst());
            }
        });
        return renames;
    }

    /** Name to definition, the definition from {@code USING} on (the part that names neither index nor table). */
    private Map<String, String> indexes(String table) {
        Map<String, String> indexes = new LinkedHashMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT indexname, indexdef FROM pg_indexes
                WHERE schemaname = current_schema() AND tablename = ? ORDER BY indexname""", table);
        for (Map<String, Object> row : rows) {
            String definition = (String) row.get("indexdef");
            String unique = definition.startsWith("CREATE UNIQUE") ? "UNIQUE " : "";
            indexes.put((String) row.get("indexname"), unique + definition.substring(definition.indexOf(" USING ")));
        }
        return indexes;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
