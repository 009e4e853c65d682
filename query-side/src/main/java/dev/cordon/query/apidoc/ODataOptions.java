package dev.cordon.query.apidoc;

import dev.cordon.query.odata.FilterField;
import dev.cordon.query.odata.FilterSchema;
import dev.cordon.query.odata.OrderBy;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;

/**
 * Documents the OData query options of a list endpoint from the same schema and orderings the endpoint checks
 * requests against, so the document cannot name a field the API does not accept, or miss one it does.
 */
public final class ODataOptions {

    private ODataOptions() {
    }

    /** @return a customizer that adds the options to the operation of {@code controller}'s method {@code method} */
    public static OperationCustomizer forList(Class<?> controller, String method, FilterSchema schema,
                                              List<OrderBy> orderings, int maxTop) {
        return (operation, handler) -> {
            if (controller.isAssignableFrom(handler.getBeanType()) && handler.getMethod().getName().equals(method)) {
                parameters(schema, orderings, maxTop).forEach(operation::addParametersItem);
            }
            return operation;
        };
    }

    static List<Parameter> parameters(FilterSchema schema, List<OrderBy> orderings, int maxTop) {
        String fields = schema.fields().stream().map(ODataOptions::describe).collect(Collectors.joining("; "));
        StringSchema orderBy = new StringSchema();
        orderings.forEach(ordering -> orderBy.addEnumItem(ordering.option()));
        orderBy.setDefault(orderings.get(0).option());
        return List.of(
                query("$filter", "An OData filter: comparisons of a field with a literal ('text' in single quotes,"
                        + " date-times and numbers bare), joined by and / or, with parentheses. eq and ne compare every field;"
                        + " gt, ge, lt and le date-times too; startswith(field,'prefix') on text fields."
                        + " Field names are case-sensitive. Fields: " + fields,
                        new StringSchema()).example("status eq 'Pending'"),
                query("$orderby", "The order of the list", orderBy),
                query("$top", "At most this many entries (" + maxTop + " at most, also the default)",
                        new IntegerSchema().minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(maxTop))),
                query("$skip", "Skip this many entries first (for paging, with $orderby)",
                        new IntegerSchema().minimum(BigDecimal.ZERO)));
    }

    private static String describe(FilterField field) {
        String kind = switch (field.kind()) {
            case STRING -> "text";
            case INTEGER -> "whole number, bare";
            case INSTANT -> "date-time, e.g. 2024-01-01T00:00:00Z";
            case ENUM -> String.join(", ", field.enumValues());
            case COLLECTION -> "texts: " + field.name() + "/any(tag: tag eq 'x'), also startswith(tag,'x'), or"
                    + " any() for any value at all";
        };
        return field.name() + " (" + kind + ")";
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter().in("query").name(name).required(false).description(description).schema(schema);
    }
}
