package dev.cordon.system.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import com.networknt.schema.oas.OpenApi31;
import dev.cordon.service.routing.ApiVersions;
import dev.cordon.system.docs.ApiDocEndpoints.Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One side's OpenAPI document as its service serves it, to hold real answers to: the status must be one the
 * operation declares, and a JSON body must be valid against that response's schema, in the dialect of the document's
 * OpenAPI version (3.1: JSON Schema 2020-12, null where "null" is a type; 3.0: {@code nullable}), with {@code $ref}s
 * to the document's components. The schema checking is json-schema-validator's.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The schema dialects of OpenAPI 3.1 and 3.0; the document's components ride along beside each schema. */
    private static final JsonSchemaFactory OPENAPI_31 = factory(SpecVersion.VersionFlag.V202012, OpenApi31.getInstance());
    private static final JsonSchemaFactory OPENAPI_30 = factory(SpecVersion.VersionFlag.V4, OpenApi30.getInstance());
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .nullableKeywordEnabled(true)
            .formatAssertionsEnabled(true)
            .build();

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String name;
    private final JsonNode document;
    private final JsonSchemaFactory schemas;
    /** Each endpoint's path as the document spells it (with its variables' names). */
    private final Map<Endpoint, String> paths = new TreeMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    /** @param name what the document is called in a violation, e.g. {@code /v3/api-docs/query} */
    public OpenApiContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        this.schemas = document.path("openapi").asText().startsWith("3.0") ? OPENAPI_30 : OPENAPI_31;
        for (Iterator<String> templates = document.path("paths").fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            for (Iterator<String> methods = document.path("paths").path(template).fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (METHODS.contains(method)) {
                    paths.put(Endpoint.of(method, template), template);
                }
            }
        }
    }

    /**
     * @param path        the request's path, as sent (a versioned path is its unversioned endpoint's)
     * @param contentType the answer's Content-Type, or null
     * @param body        the answer's body, or null
     * @return what in the answer the document does not say; empty when the document is true to it
     */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        Set<Endpoint> endpoints = paths.keySet();
        Optional<Endpoint> endpoint = ApiDocEndpoints.match(endpoints, method, ApiVersions.unversioned(path));
        if (endpoint.isEmpty()) {
            return List.of(method + " " + path + " is no operation of " + name);
        }
        String template = paths.get(endpoint.get());
        String operation = method + " " + template;
        JsonNode responses = document.path("paths").path(template).path(method.toLowerCase()).path("responses");
        String code = Integer.toString(status);
        String declared = responses.has(code) ? code : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (declared == null) {
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            return List.of(name + ": " + operation + " answered " + status + ", which it does not declare (it declares "
                    + codes + ")");
        }
        JsonNode content = responses.path(declared).path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (!hasBody) {
            return content.isEmpty() ? List.of() : List.of(name + ": " + operation + " " + status
                    + " answered no body; declared " + content.properties().stream().map(Map.Entry::getKey).toList());
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        String declaredType = content.has(mediaType) ? mediaType : content.has("*/*") ? "*/*" : null;
        if (declaredType == null) {
            return List.of(name + ": " + operation + " " + status + " answered " + mediaType + ", declared "
                    + content.properties().stream().map(Map.Entry::getKey).toList());
        }
        if (!mediaType.equals("application/json")) {
            return List.of(); // a stream or NDJSON: declared as text, not one JSON document to hold to a schema
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(name + ": " + operation + " " + status + " answered application/json that is not JSON: "
                    + body);
        }
        String key = template + " " + method + " " + declared + " " + declaredType;
        JsonSchema schema = compiled.computeIfAbsent(key, k -> schema(content.path(declaredType).path("schema")));
        return schema.validate(answer).stream()
                .map(ValidationMessage::getMessage)
                .map(message -> name + ": " + operation + " " + status + ": " + message)
                .toList();
    }

    private static JsonSchemaFactory factory(SpecVersion.VersionFlag version, JsonMetaSchema openApi) {
        JsonMetaSchema dialect = JsonMetaSchema.builder(openApi)
                .keyword(new NonValidationKeyword("components"))
                .build();
        return JsonSchemaFactory.getInstance(version,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
    }

    /** The response's schema, with the document's components beside it, so that its {@code $ref}s resolve. */
    private JsonSchema schema(JsonNode responseSchema) {
        ObjectNode root = responseSchema.isObject() ? responseSchema.deepCopy() : JSON.createObjectNode();
        root.set("components", document.path("components"));
        return schemas.getSchema(SchemaLocation.of("https://cordon.test/openapi" + name + "/" + compiled.size()),
                root, CONFIG);
    }
}
