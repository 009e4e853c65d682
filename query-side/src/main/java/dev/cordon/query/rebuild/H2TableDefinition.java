package dev.cordon.query.rebuild;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * An H2 table as its INFORMATION_SCHEMA describes it: everything a shadow table has to repeat, so that a projection
 * into it accepts and rejects exactly what one into the live table would. Read from the live table at each rebuild
 * (so that it follows every migration), and read back from the shadow to prove the copy equal.
 *
 * @param name        the table's name as H2 stores it
 * @param columns     in table order
 * @param constraints by name
 * @param indexes     by name, those made for a constraint included
 */
record H2TableDefinition(String name, List<Column> columns, List<Constraint> constraints, List<Index> indexes) {

    /** {@code type} holds every attribute of the data type (to compare, never to write: CREATE ... AS copies it). */
    record Column(String name, String type, boolean nullable, String defaultValue, String generated) {
    }

    /** {@code index} is the index H2 made for a primary key or unique constraint. */
    record Constraint(String name, String type, List<String> columns, String check, String nullsDistinct,
                      String index) {
    }

    /** {@code columns} as an index definition spells them, e.g. {@code "id" DESC NULLS FIRST}. */
    record Index(String name, String type, boolean generated, String nullsDistinct, List<String> columns) {
    }

    static H2TableDefinition read(JdbcOperations jdbc, String table) {
        String name = storedName(jdbc, table);
        if (name == null) {
            throw new RebuildException("The query database has no table " + table);
        }
        return new H2TableDefinition(name, columns(jdbc, name), constraints(jdbc, name), indexes(jdbc, name));
    }

    /**
     * The name under which H2 keeps a table written unquoted (lower or upper case, by the URL's settings), or null.
     */
    static String storedName(JdbcOperations jdbc, String table) {
        List<String> names = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = CURRENT_SCHEMA AND UPPER(table_name) = UPPER(?)""", String.class, table);
        if (names.size() > 1) {
            throw new RebuildException("The query database has " + names.size() + " tables named " + table
                    + " in different cases");
        }
        return names.isEmpty() ? null : names.get(0);
    }

    /** The primary key's columns. */
    List<String> primaryKey() {
        return constraints.stream().filter(c -> c.type().equals("PRIMARY KEY")).findFirst()
                .orElseThrow(() -> new RebuildException("Table " + name + " has no primary key")).columns();
    }

    /** The same definition with every constraint and index name mapped, listed in the order of the new names. */
    H2TableDefinition renamed(UnaryOperator<String> rename) {
        List<Constraint> renamedConstraints = constraints.stream()
                .map(c -> new Constraint(rename.apply(c.name()), c.type(), c.columns(), c.check(), c.nullsDistinct(),
                        c.index() == null ? null : rename.apply(c.index())))
                .sorted(Comparator.comparing(Constraint::name)).toList();
        List<Index> renamedIndexes = indexes.stream()
                .map(i -> new Index(rename.apply(i.name()), i.type(), i.generated(), i.nullsDistinct(), i.columns()))
                .sorted(Comparator.comparing(Index::name)).toList();
        return new H2TableDefinition(name, columns, renamedConstraints, renamedIndexes);
    }

    /** The first part in which {@code other} differs from this one, for the reader of a failed rebuild; else null. */
    String firstDifference(H2TableDefinition other) {
        String columnsDiffer = firstDifference("column", columns, other.columns);
        if (columnsDiffer != null) {
            return columnsDiffer;
        }
        String constraintsDiffer = firstDifference("constraint", constraints, other.constraints);
        return constraintsDiffer != null ? constraintsDiffer : firstDifference("index", indexes, other.indexes);
    }

    private static String firstDifference(String what, List<?> these, List<?> those) {
        for (int i = 0; i < Math.max(these.size(), those.size()); i++) {
            Object a = i < these.size() ? these.get(i) : null;
            Object b = i < those.size() ? those.get(i) : null;
            if (!Objects.equals(a, b)) {
                return what + " " + (a == null ? "(none)" : a) + " vs " + (b == null ? "(none)" : b);
            }
        }
        return null;
    }

    private static List<Column> columns(JdbcOperations jdbc, String table) {
        return jdbc.query("""
                SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                    datetime_precision, interval_type, interval_precision, declared_data_type,
                    declared_numeric_precision, declared_numeric_scale, collation_name, is_nullable, column_default,
                    is_generated, generation_expression, is_identity, column_on_update, is_visible, default_on_null
                FROM information_schema.columns
                WHERE table_schema = CURRENT_SCHEMA AND table_name = ? ORDER BY ordinal_position""",
                (rs, row) -> {
                    List<String> type = new ArrayList<>();
                    for (String attribute : List.of("data_type", "character_maximum_length", "numeric_precision",
                            "numeric_scale", "datetime_precision", "interval_type", "interval_precision",
                            "declared_data_type", "declared_numeric_precision", "declared_numeric_scale",
                            "collation_name")) {
                        type.add(String.valueOf(rs.getString(attribute)));
                    }
                    String generated = "generated " + rs.getString("is_generated") + " "
                            + rs.getString("generation_expression") + ", identity " + rs.getString("is_identity")
                            + ", on update " + rs.getString("column_on_update") + ", visible "
                            + rs.getString("is_visible") + ", default on null " + rs.getString("default_on_null");
                    return new Column(rs.getString("column_name"), String.join(" ", type),
                            "YES".equals(rs.getString("is_nullable")), rs.getString("column_default"), generated);
                }, table);
    }

    private static List<Constraint> constraints(JdbcOperations jdbc, String table) {
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        jdbc.query("""
                SELECT constraint_name, column_name FROM information_schema.key_column_usage
                WHERE table_schema = CURRENT_SCHEMA AND table_name = ? ORDER BY constraint_name, ordinal_position""",
                rs -> {
                    keyColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, table);
        return jdbc.query("""
                SELECT tc.constraint_name, tc.constraint_type, tc.index_name, tc.nulls_distinct, cc.check_clause
                FROM information_schema.table_constraints tc
                LEFT JOIN information_schema.check_constraints cc
                    ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
                WHERE tc.table_schema = CURRENT_SCHEMA AND tc.table_name = ? ORDER BY tc.constraint_name""",
                (rs, row) -> new Constraint(rs.getString("constraint_name"), rs.getString("constraint_type"),
                        keyColumns.getOrDefault(rs.getString("constraint_name"), List.of()),
                        rs.getString("check_clause"), rs.getString("nulls_distinct"), rs.getString("index_name")),
                table);
    }

    private static List<Index> indexes(JdbcOperations jdbc, String table) {
        Map<String, Index> indexes = new LinkedHashMap<>();
        jdbc.query("""
                SELECT i.index_name, i.index_type_name, i.is_generated, i.nulls_distinct, ic.column_name,
                    ic.ordering_specification, ic.null_ordering
                FROM information_schema.indexes i
                JOIN information_schema.index_columns ic ON ic.index_schema = i.index_schema
                    AND ic.index_name = i.index_name AND ic.table_name = i.table_name
                WHERE i.table_schema = CURRENT_SCHEMA AND i.table_name = ?
                ORDER BY i.index_name, ic.ordinal_position""",
                rs -> {
                    String name = rs.getString("index_name");
                    if (!indexes.containsKey(name)) {
                        indexes.put(name, new Index(name, rs.getString("index_type_name"),
                                rs.getBoolean("is_generated"), rs.getString("nulls_distinct"), new ArrayList<>()));
                    }
                    String nulls = rs.getString("null_ordering");
                    indexes.get(name).columns().add(quote(rs.getString("column_name")) + " "
                            + rs.getString("ordering_specification") + (nulls == null ? "" : " NULLS " + nulls));
                }, table);
        return indexes.values().stream().map(i -> new Index(i.name(), i.type(), i.generated(), i.nullsDistinct(),
                List.copyOf(i.columns()))).toList();
    }

    /** A name as a quoted identifier, so that H2 takes it as it is stored (case included). */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
