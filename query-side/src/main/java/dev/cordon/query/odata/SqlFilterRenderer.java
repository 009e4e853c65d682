package dev.cordon.query.odata;

import dev.cordon.query.odata.FilterExpression.And;
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
            String name = "f" + parameters.size();
            parameters.put(name, startsWith.prefix().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
            return "LOWER(" + startsWith.field().column() + ") LIKE :" + name + " ESCAPE '\\'";
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
}
