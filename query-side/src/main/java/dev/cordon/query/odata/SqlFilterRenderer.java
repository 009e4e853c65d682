package dev.cordon.query.odata;

import dev.cordon.query.odata.FilterExpression.And;
import dev.cordon.query.odata.FilterExpression.Any;
import dev.cordon.query.odata.FilterExpression.Comparison;
import dev.cordon.query.odata.FilterExpression.Or;
import dev.cordon.query.odata.FilterExpression.StartsWith;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Renders a checked filter to SQL for NamedParameterJdbcTemplate; every literal becomes {@code :fN}. */
public final class SqlFilterRenderer {

    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private SqlFilterRenderer() {
    }

    public static SqlFilter render(FilterExpression expression) {
        SqlFilterRenderer renderer = new SqlFilterRenderer();
        String sql = renderer.sql(expression);
        return new SqlFilter(sql, Map.copyOf(renderer.parameters));
    }

    private String sql(FilterExpression expression) {
        if (expression instanceof Or or) {
            return "(" + sql(or.left()) + " OR " + sql(or.right()) + ")";
        }
        if (expression instanceof And and) {
            return "(" + sql(and.left()) + " AND " + sql(and.right()) + ")";
        }
        if (expression instanceof StartsWith startsWith) {
            // Case-insensitive, as names are; the prefix's own % and _ match only themselves.
            return like(startsWith.field(), likeLiteral(startsWith.prefix()) + "%");
        }
        if (expression instanceof Any any) {
            if (any.value() == null) {
                return any.field().column() + " <> ''";
            }
            return like(any.field(), any.prefix() ? TagColumn.containingPrefix(any.value())
                    : TagColumn.containing(any.value()));
        }
        Comparison comparison = (Comparison) expression;
        String column = comparison.field().column();
        if (comparison.value() == null) {
            return column + (comparison.operator() == ComparisonOperator.EQ ? " IS NULL" : " IS NOT NULL");
        }
        String name = "f" + parameters.size();
        parameters.put(name, comparison.value() instanceof Instant instant
                ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                : comparison.value());
        return column + " " + comparison.operator().sql() + " :" + name;
    }

    /** The value lower-cased, as the column is compared, with its own {@code %}, {@code _} and {@code \} literal. */
    static String likeLiteral(String value) {
        return value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Case-insensitive, as names are; the pattern's literal part already escaped. */
    private String like(FilterField field, String pattern) {
        String name = "f" + parameters.size();
        parameters.put(name, pattern);
        return "LOWER(" + field.column() + ") LIKE :" + name + " ESCAPE '\\'";
    }
}
