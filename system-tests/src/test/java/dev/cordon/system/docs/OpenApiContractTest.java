package dev.cordon.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What ApiDocIT relies on OpenApiContract for, without a running service. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/api/machines/{id}": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Machine"}}}},
                "404": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
              "/api/changes": {"get": {"responses": {
                "200": {"content": {"text/event-stream": {"schema": {"type": "string"}}}}}}}},
             "components": {"schemas": {
              "Machine": {"type": "object", "properties": {
                "id": {"type": "string"},
                "lastSeen": {"type": ["string", "null"], "format": "date-time"},
                "lastActionType": {"type": ["string", "null"], "enum": ["Isolate", "Unisolate", null]},
                "openAction": {"anyOf": [{"$ref": "#/components/schemas/Error"}, {"type": "null"}]},
                "osBuild": {"type": "integer", "format": "int64"}}},
              "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                "code": {"type": "string"}}}}}}}}
            """;

    private final OpenApiContract contract;

    OpenApiContractTest() throws Exception {
        contract = new OpenApiContract("/v3/api-docs/test", new ObjectMapper().readTree(DOCUMENT));
    }

    @Test
    void answer_asDeclared_withNullsWhereNullable_hasNoViolations() {
        assertThat(contract.violations("GET", "/api/machines/m1", 200, "application/json",
                "{\"id\": \"m1\", \"lastSeen\": null, \"lastActionType\": null, \"openAction\": null,"
                        + " \"osBuild\": 26100}")).isEmpty();
        assertThat(contract.violations("GET", "/api/v1.0/machines/m1", 200, "application/json;charset=UTF-8",
                "{\"id\": \"m1\", \"lastSeen\": \"2026-03-02T09:15:02.480Z\", \"lastActionType\": \"Isolate\"}"))
                .isEmpty();
    }

    @Test
    void null_whereNotNullable_isAViolation_naming_theField() {
        assertThat(contract.violations("GET", "/api/machines/m1", 200, "application/json",
                "{\"id\": null, \"osBuild\": null}")).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("id"))
                .anySatisfy(v -> assertThat(v).contains("osBuild"));
    }

    @Test
    void openApi30_document_isReadInItsDialect_nullable() throws Exception {
        OpenApiContract v30 = new OpenApiContract("/v3/api-docs/test", new ObjectMapper().readTree(DOCUMENT
                .replace("3.1.0", "3.0.1")
                .replace("\"type\": [\"string\", \"null\"], \"format\"", "\"type\": \"string\", \"nullable\": true, \"format\"")));
        assertThat(v30.violations("GET", "/api/machines/m1", 200, "application/json",
                "{\"id\": \"m1\", \"lastSeen\": null}")).isEmpty();
        assertThat(v30.violations("GET", "/api/machines/m1", 200, "application/json",
                "{\"id\": null}")).hasSize(1);
    }

    @Test
    void wrongType_enumValue_orDateTime_isAViolation() {
        assertThat(contract.violations("GET", "/api/machines/m1", 200, "application/json",
                "{\"id\": 5, \"lastActionType\": \"Reboot\", \"lastSeen\": \"yesterday\"}")).hasSize(3);
    }

    @Test
    void status_theOperationDoesNotDeclare_isAViolation() {
        assertThat(contract.violations("GET", "/api/machines/a%5Cb", 400, "application/json",
                "{\"error\": {\"code\": \"BadRequest\"}}")).singleElement().asString()
                .contains("GET /api/machines/{id} answered 400").contains("[200, 404]");
    }

    @Test
    void errorBody_isHeldToTheErrorSchema() {
        assertThat(contract.violations("GET", "/api/machines/m1", 404, "application/json",
                "{\"error\": {\"code\": \"ResourceNotFound\"}}")).isEmpty();
        assertThat(contract.violations("GET", "/api/machines/m1", 404, "application/json",
                "{\"error\": {\"code\": 404}}")).hasSize(1);
    }

    @Test
    void mediaType_notDeclared_isAViolation_andAStream_isNotParsedAsJson() {
        assertThat(contract.violations("GET", "/api/changes", 200, "text/event-stream", "retry: 3000")).isEmpty();
        assertThat(contract.violations("GET", "/api/changes", 200, "application/json", "{}")).hasSize(1);
        assertThat(contract.violations("GET", "/api/nothing", 200, "application/json", "{}")).singleElement()
                .asString().contains("no operation");
    }
}
