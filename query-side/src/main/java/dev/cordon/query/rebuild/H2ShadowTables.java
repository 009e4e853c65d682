package dev.cordon.query.rebuild;

import static dev.cordon.query.rebuild.H2TableDefinition.quote;

import dev.cordon.query.jdbc.ReadModelTables;
import dev.cordon.query.rebuild.H2TableDefinition.Column;
import dev.cordon.query.rebuild.H2TableDefinition.Constraint;
import dev.cordon.query.rebuild.H2TableDefinition.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * H2 (standalone mode). H2 has no {@code LIKE ... INCLUDING ALL}: a shadow table is made with
 * {@code CREATE TABLE ... AS ... WITH NO DATA} (the column types), then given the live table's NOT NULLs, defaults,
 * constraints and indexes as INFORMATION_SCHEMA lists them, under the live names plus the shadow suffix; read back,
 * it must equal the live definition, or the rebuild stops before anything live is touched.
 *
 * <p>H2's DDL commits on its own and its table renames leave the live name missing in between, for every statement
 * another connection parses then ({@code SET EXCLUSIVE} holds back executions, not parsing). So the switch renames
 * nothing: in one transaction it makes the live tables' rows those of the shadow tables (deleting what the rebuild
 * does not have, merging what differs or is missing). Readers see the old rows until the commit and the new ones
 * after; a failure or a crash rolls it back; the tables, their indexes and constraints keep their names and objects,
 * so later migrations find what they were written for. The price is time: every row is compared, every differing
 * row written, while the live projection stays paused.
 */
final class H2ShadowTables implements ShadowTables {

    private static final Logger log = LoggerFactory.getLogger(H2ShadowTables.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    H2ShadowTables(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void create(ReadModelTables live, ReadModelTables shadow) {
        drop(shadow);
        for (int i = 0; i < live.all().size(); i++) {
            createShadow(live.all().get(i), shadow.all().get(i));
        }
    }

    /**
     * Writes the shadow rows into the live tables in one transaction, then drops the shadow tables (a failure to
     * drop them is only logged: the switch has happened, and the next rebuild drops them first).
     */
    @Override
    public void swap(ReadModelTables live, ReadModelTables shadow) {
        long started = System.nanoTime();
        List<String> written = transactions.execute(status -> {
            List<String> counts = new ArrayList<>();
            for (int i = 0; i < live.all().size(); i++) {
                counts.add(synchronize(live.all().get(i), shadow.all().get(i)));
            }
            return counts;
        });
        log.info("Read models switched on H2 in {} ms: {}", (System.nanoTime() - started) / 1_000_000,
                String.join("; ", written));
        try {
            drop(shadow);
        } catch (RuntimeException e) {
            log.warn("The shadow tables could not be dropped after the switch (the next rebuild drops them): {}",
                    e.toString());
        }
    }

    @Override
    public void drop(ReadModelTables tables) {
        tables.all().forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + table));
    }

    /** H2 orders strings by UTF-16 code unit; their UTF-8 bytes are in code point order, as Java compares here. */
    @Override
    public String textKeyOrder(String column) {
        return "CAST(" + column + " AS BINARY VARYING)";
    }

    private void createShadow(String liveTable, String shadowTable) {
        H2TableDefinition live = H2TableDefinition.read(jdbc, liveTable);
        String suffix = shadowTable.startsWith(liveTable) ? shadowTable.substring(liveTable.length())
                : "_" + shadowTable;
        refuseWhatCannotBeCopied(live);
        // The shadow's name unquoted, as the repositories write it, so that H2 stores it in the live table's case.
        jdbc.execute("CREATE TABLE " + shadowTable + " AS SELECT * FROM " + quote(live.name()) + " WITH NO DATA");
        String shadow = H2TableDefinition.storedName(jdbc, shadowTable);
        addColumnRules(quote(shadow), live);
        addConstraints(quote(shadow), live, suffix);
        addIndexes(quote(shadow), live, suffix);
        H2TableDefinition copy = H2TableDefinition.read(jdbc, shadow).renamed(name -> name.endsWith(suffix)
                ? name.substring(0, name.length() - suffix.length()) : name);
        String difference = live.renamed(UnaryOperator.identity()).firstDifference(copy);
        if (difference != null) {
            throw new RebuildException("The shadow table " + shadow + " could not be made like " + live.name()
                    + " on H2: " + difference);
        }
    }

    /** NOT NULL before the keys: in PostgreSQL mode a primary key does not make its columns NOT NULL. */
    private void addColumnRules(String table, H2TableDefinition live) {
        for (Column column : live.columns()) {
            if (column.defaultValue() != null) {
                jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + quote(column.name()) + " SET DEFAULT "
                        + column.defaultValue());
            }
            if (!column.nullable()) {
                jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + quote(column.name()) + " SET NOT NULL");
            }
        }
    }

    /** Constraint and index names are unique per schema in H2: the shadow's carry the suffix. */
    private void addConstraints(String table, H2TableDefinition live, String suffix) {
        for (Constraint constraint : live.constraints()) {
            String name = constraint.name() + suffix;
            jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + quote(name) + " " + definition(constraint));
            if (constraint.index() != null) {
                // H2 names a constraint's index itself; the shadow's gets the live one's name plus the suffix.
                String made = jdbc.queryForObject("""
                        SELECT index_name FROM information_schema.table_constraints
                        WHERE constraint_schema = CURRENT_SCHEMA AND constraint_name = ?""", String.class, name);
                jdbc.execute("ALTER INDEX " + quote(made) + " RENAME TO " + quote(constraint.index() + suffix));
            }
        }
    }

    /** Those not made for a constraint, with each column's order and NULLS placement spelt out. */
    private void addIndexes(String table, H2TableDefinition live, String suffix) {
        for (Index index : live.indexes()) {
            if (!index.generated()) {
                jdbc.execute("CREATE " + (index.type().equals("UNIQUE INDEX") ? "UNIQUE " : "") + "INDEX "
                        + quote(index.name() + suffix) + " ON " + table + " (" + String.join(", ", index.columns())
                        + ")");
            }
        }
    }

    private static void refuseWhatCannotBeCopied(H2TableDefinition live) {
        for (Constraint constraint : live.constraints()) {
            if (!List.of("PRIMARY KEY", "UNIQUE", "CHECK").contains(constraint.type())) {
                throw new RebuildException("Table " + live.name() + " has the " + constraint.type() + " constraint "
                        + constraint.name() + ", which a rebuild on H2 does not copy");
            }
        }
        for (Index index : live.indexes()) {
            if (!index.generated() && !List.of("INDEX", "UNIQUE INDEX").contains(index.type())) {
                throw new RebuildException("Table " + live.name() + " has the " + index.type() + " " + index.name()
                        + ", which a rebuild on H2 does not copy");
            }
        }
    }

    private static String definition(Constraint constraint) {
        return switch (constraint.type()) {
            case "CHECK" -> "CHECK (" + constraint.check() + ")";
            case "PRIMARY KEY", "UNIQUE" -> constraint.type() + " (" + constraint.columns().stream()
                    .map(H2TableDefinition::quote).collect(Collectors.joining(", ")) + ")";
            default -> throw new IllegalArgumentException(constraint.type());
        };
    }

    /** Makes the live table's rows the shadow's: only what differs is written. Inside the switch's transaction. */
    private String synchronize(String liveTable, String shadowTable) {
        H2TableDefinition definition = H2TableDefinition.read(jdbc, liveTable);
        String live = quote(definition.name());
        String shadow = quote(H2TableDefinition.storedName(jdbc, shadowTable));
        List<String> key = definition.primaryKey().stream().map(H2TableDefinition::quote).toList();
        List<String> columns = definition.columns().stream().map(column -> quote(column.name())).toList();
        List<String> values = columns.stream().filter(column -> !key.contains(column)).toList();
        String sameKey = key.stream().map(column -> "l." + column + " = s." + column)
                .collect(Collectors.joining(" AND "));
        int deleted = jdbc.update("DELETE FROM " + live + " l WHERE NOT EXISTS (SELECT 1 FROM " + shadow + " s WHERE "
                + sameKey + ")");
        String update = values.isEmpty() ? "" : " WHEN MATCHED AND ("
                + values.stream().map(column -> "l." + column + " IS DISTINCT FROM s." + column)
                .collect(Collectors.joining(" OR "))
                + ") THEN UPDATE SET " + values.stream().map(column -> column + " = s." + column)
                .collect(Collectors.joining(", "));
        int merged = jdbc.update("MERGE INTO " + live + " l USING " + shadow + " s ON (" + sameKey + ")" + update
                + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(column -> "s." + column).collect(Collectors.joining(", ")) + ")");
        return definition.name() + " " + deleted + " rows deleted, " + merged + " inserted or updated";
    }
}
