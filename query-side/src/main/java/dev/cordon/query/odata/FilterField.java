package dev.cordon.query.odata;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A field clients may filter on and the column it maps to. The column name is the only identifier
 * the renderer ever writes into SQL, and it comes from here, never from the request.
 *
 * @param normaliser puts a string literal in the form the column stores (identity for most fields)
 */
public record FilterField(String name, String column, FieldKind kind, List<String> enumValues,
                          UnaryOperator<String> normaliser) {

    public static FilterField string(String name, String column) {
        return new FilterField(name, column, FieldKind.STRING, List.of(), UnaryOperator.identity());
    }

    public static FilterField integer(String name, String column) {
        return new FilterField(name, column, FieldKind.INTEGER, List.of(), UnaryOperator.identity());
    }

    public static FilterField instant(String name, String column) {
        return new FilterField(name, column, FieldKind.INSTANT, List.of(), UnaryOperator.identity());
    }

    /** A collection of strings kept as {@link TagColumn} keeps it. */
    public static FilterField collection(String name, String column) {
        return new FilterField(name, column, FieldKind.COLLECTION, List.of(), UnaryOperator.identity());
    }

    public static FilterField enumeration(String name, String column, Class<? extends Enum<?>> type) {
        return new FilterField(name, column, FieldKind.ENUM,
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), UnaryOperator.identity());
    }

    /** For a column that keeps one canonical spelling, e.g. lowercased GUIDs. */
    public FilterField normalisedBy(UnaryOperator<String> canonical) {
        return new FilterField(name, column, kind, enumValues, canonical);
    }
}
