package dev.cordon.query.odata;

import java.util.Arrays;
import java.util.Optional;

/** OData comparison operators and their SQL form; {@code ne} treats null as a value, as OData does. */
public enum ComparisonOperator {
    EQ("eq", "="),
    NE("ne", "IS DISTINCT FROM"),
    GT("gt", ">"),
    GE("ge", ">="),
    LT("lt", "<"),
    LE("le", "<=");

    private final String keyword;
    private final String sql;

    ComparisonOperator(String keyword, String sql) {
        this.keyword = keyword;
        this.sql = sql;
    }

    public String keyword() {
        return keyword;
    }

    String sql() {
        return sql;
    }

    static Optional<ComparisonOperator> fromKeyword(String word) {
        return Arrays.stream(values()).filter(op -> op.keyword.equalsIgnoreCase(word)).findFirst();
    }
}
