package dev.cordon.query.odata;

import java.time.Instant;

/** The parsed {@code $filter}: already checked against a {@link FilterSchema}, so it can be rendered blindly. */
public sealed interface FilterExpression {

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
    }

    /** {@code startswith(field,'prefix')} on a string field; the prefix as the column stores it. */
    record StartsWith(FilterField field, String prefix) implements FilterExpression {
    }

    /**
     * {@code field/any(v: v eq 'x')} ({@code prefix} false), {@code field/any(v: startswith(v,'x'))} (true), or
     * {@code field/any()}, some value at all ({@code value} null), on a collection field.
     */
    record Any(FilterField field, String value, boolean prefix) implements FilterExpression {
    }

    /** {@code value} is a String, an Integer, an {@link Instant}, or null for {@code eq null} / {@code ne null}. */
    record Comparison(FilterField field, ComparisonOperator operator, Object value) implements FilterExpression {
    }
}
