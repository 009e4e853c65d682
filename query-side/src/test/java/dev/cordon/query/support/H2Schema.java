package dev.cordon.query.support;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What H2's INFORMATION_SCHEMA says about one table, row by row and every attribute (columns, constraints and their
 * key columns and checks, indexes and their columns), to compare two tables' definitions. Written apart from the
 * rebuild's own reading of the catalog, so that a test does not check that code against itself.
 */
public final class H2Schema {

    /** Attributes that name the table itself, or that H2 re-estimates as rows change. */
    private static final Set<String> IGNORED = Set.of("table_name", "selectivity");

    private H2Schema() {
    }

    /**
     * @param nameSuffix taken off every value that ends with it (the shadow's constraint and index names), or ""
     * @return one line per catalog row, sorted
     */
    public static List<String> describe(JdbcTemplate jdbc, String table, String nameSuffix) {
        List<String> lines = new ArrayList<>();
        add(lines, jdbc, "columns", """
                select * from information_schema.columns where table_schema = current_schema and table_name = ?""",
                table, nameSuffix);
        add(lines, jdbc, "constraint", """
                select * from information_schema.table_constraints
                where table_schema = current_schema and table_name = ?""", table, nameSuffix);
        add(lines, jdbc, "key column", """
                select * from information_schema.key_column_usage
                where table_schema = current_schema and table_name = ?""", table, nameSuffix);
        add(lines, jdbc, "check", """
                select cc.* from information_schema.check_constraints cc
                join information_schema.table_constraints tc on tc.constraint_schema = cc.constraint_schema
                    and tc.constraint_name = cc.constraint_name
                where tc.table_schema = current_schema and tc.table_name = ?""", table, nameSuffix);
        add(lines, jdbc, "index", """
                select * from information_schema.indexes where table_schema = current_schema and table_name = ?""",
                table, nameSuffix);
        add(lines, jdbc, "index column", """
                select * from information_schema.index_columns
                where table_schema = current_schema and table_name = ?""", table, nameSuffix);
        lines.sort(null);
        return lines;
    }

    private static void add(List<String> lines, JdbcTemplate jdbc, String kind, String sql, String table,
                            String nameSuffix) {
        lines.addAll(jdbc.query(sql, (rs, row) -> kind + ": " + line(rs, nameSuffix), table));
    }

    private static String line(ResultSet rs, String nameSuffix) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i).toLowerCase();
            if (IGNORED.contains(label)) {
                continue;
            }
            String value = rs.getString(i);
            if (value != null && !nameSuffix.isEmpty() && value.endsWith(nameSuffix)) {
                value = value.substring(0, value.length() - nameSuffix.length());
            }
            values.add(label + "=" + value);
        }
        return String.join(", ", values);
    }
}
