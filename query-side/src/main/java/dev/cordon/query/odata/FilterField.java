package dev.cordon.query.odata;

import java.util.Arrays;
import java.util.List;

/**
 * A field clients may filter on and the column it maps to. The column name is the only identifier
 * the renderer ever writes into SQL, and it comes from here, never from the request.
 */
public record FilterField(String name, String column, FieldKind kind, List<String> enumValues) {

    public static FilterField string(String name, String column) {
        return new FilterField(name, column, FieldKind.STRING, List.of());
    }

    public static FilterField instant(String name, String column) {
        return new FilterField(name, column, FieldKind.INSTANT, List.of());
    }

    public static FilterField enumeration(String name, String column, Class<? extends Enum<?>> type) {
        return new FilterField(name, column, FieldKind.ENUM,
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
