package dev.cordon.service.apidoc;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A property declared {@code @Schema(nullable = true)} may be null in an answer, and an OpenAPI 3.1 document must say
 * so in JSON Schema's words: swagger-core keeps the flag but writes nothing for it in 3.1. Here "null" joins the
 * property's types (and its enum values), and a reference becomes {@code anyOf: [the reference, {type: null}]}.
 * A 3.0 document writes {@code nullable: true} itself.
 */
public class NullableProperties implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getSpecVersion() != SpecVersion.V31 || openApi.getComponents() == null
                || openApi.getComponents().getSchemas() == null) {
            return;
        }
        openApi.getComponents().getSchemas().values().forEach(NullableProperties::withNulls);
    }

    private static void withNulls(Schema<?> schema) {
        if (schema.getItems() != null) {
            withNulls(schema.getItems());
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.replaceAll((name, property) -> {
            withNulls(property);
            return Boolean.TRUE.equals(property.getNullable()) ? orNull(property) : property;
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema orNull(Schema property) {
        if (property.get$ref() != null) {
            Schema either = new JsonSchema().description(property.getDescription());
            either.setAnyOf(new ArrayList<>(List.of(new JsonSchema().$ref(property.get$ref()), nullType())));
            return either;
        }
        if (property.getTypes() != null) {
            property.addType("null");
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        return property;
    }

    private static Schema<?> nullType() {
        Schema<?> type = new JsonSchema();
        type.addType("null");
        return type;
    }
}
