package dev.cordon.query.odata;

import java.util.Map;

/** A rendered WHERE condition: SQL made only of whitelisted columns and operators, literals as named parameters. */
public record SqlFilter(String sql, Map<String, Object> parameters) {

    public static final SqlFilter NONE = new SqlFilter("TRUE", Map.of());
}
