package dev.cordon.query.odata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whitelist of filterable fields of one entity set; field names are case-sensitive. */
public final class FilterSchema {

    private final Map<String, FilterField> fields = new LinkedHashMap<>();

    public FilterSchema(List<FilterField> fields) {
        fields.forEach(field -> this.fields.put(field.name(), field));
    }

    Optional<FilterField> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    String names() {
        return String.join(", ", fields.keySet());
    }

    /** The fields in their documented order (the API document lists them from here). */
    public List<FilterField> fields() {
        return List.copyOf(fields.values());
    }
}
