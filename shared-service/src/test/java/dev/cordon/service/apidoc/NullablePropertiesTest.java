package dev.cordon.service.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NullablePropertiesTest {

    enum Kind { Isolate, Unisolate }

    record Inner(String id) {
    }

    record Entity(String id,
                  @Schema(nullable = true) String comment,
                  @Schema(nullable = true) Instant lastSeen,
                  @Schema(nullable = true) Kind kind,
                  @Schema(nullable = true) List<String> apps,
                  @Schema(nullable = true) Inner inner,
                  Inner required) {
    }

    @Test
    void openApi31_nullableProperties_admitNull_inJsonSchemaWords() {
        JsonNode entity = customised(SpecVersion.V31).path("Entity").path("properties");

        assertThat(entity.at("/id/type").asText()).isEqualTo("string");
        assertThat(entity.at("/comment/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(entity.at("/lastSeen/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(entity.at("/lastSeen/format").asText()).isEqualTo("date-time");
        assertThat(entity.at("/kind/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(entity.at("/kind/enum").toString()).isEqualTo("[\"Isolate\",\"Unisolate\",null]");
        assertThat(entity.at("/apps/type").toString()).isEqualTo("[\"array\",\"null\"]");
        assertThat(entity.at("/inner").toString())
                .isEqualTo("{\"anyOf\":[{\"$ref\":\"#/components/schemas/Inner\"},{\"type\":\"null\"}]}");
        assertThat(entity.at("/required").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/Inner\"}");
    }

    @Test
    void openApi30_isLeftAsIs_itWritesNullableItself() {
        JsonNode entity = customised(SpecVersion.V30).path("Entity").path("properties");

        assertThat(entity.at("/comment/nullable").asBoolean()).isTrue();
        assertThat(entity.at("/comment/type").asText()).isEqualTo("string");
    }

    private static JsonNode customised(SpecVersion version) {
        boolean v31 = version == SpecVersion.V31;
        OpenAPI openApi = new OpenAPI(version).components(new Components()
                .schemas(ModelConverters.getInstance(v31).readAll(Entity.class)));
        new NullableProperties().customise(openApi);
        return (v31 ? Json31.mapper() : Json.mapper()).valueToTree(openApi.getComponents().getSchemas());
    }
}
