package dev.cordon.query.apidoc;

import dev.cordon.events.error.ErrorResponse;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's OpenAPI document, served at {@code /v3/api-docs/query} (springdoc.api-docs.path), and the Swagger
 * UI at /swagger-ui.html, which lists it and the command side's. The server is relative ("/"), so that "Try it out"
 * goes to the one base URL the UI was loaded from, whose routing sends each request to the side that serves it.
 * Every error response is the public error JSON; it is declared here once rather than on each endpoint.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String ERROR_SCHEMA = "ErrorResponse";

    @Bean
    OpenAPI querySideOpenApi(ObjectProvider<BuildProperties> build) {
        return new OpenAPI()
                .info(new Info().title("Cordon query API")
                        .version(build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion())
                        .description("Reads: the Action center (machine actions, with OData $filter), devices and"
                                + " their timelines. Compatible with Microsoft Defender for Endpoint's machine-actions"
                                + " API. Read models follow the command side within moments; commands are on the"
                                + " command API."))
                .servers(List.of(new Server().url("/").description("The base URL this document was loaded from")));
    }

    @Bean
    OpenApiCustomizer publicErrorResponses() {
        return openApi -> {
            ModelConverters.getInstance().readAll(ErrorResponse.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getComponents().getSchemas().get(ERROR_SCHEMA).description("The public error: error.code is one of"
                    + " the codes below, error.target the request id (also in the X-Request-ID header and the log).");
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiConfig::withErrors));
        };
    }

    /** Every operation may fail unexpectedly; every error has the one shape. */
    private static void withErrors(Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.computeIfAbsent("500", code -> new ApiResponse()
                .description("An unexpected error; quote the request id (InternalServerError)"));
        // springdoc gives a response declared without content the method's return type: an error never has it.
        responses.forEach((code, response) -> {
            if (code.matches("[45]\\d\\d")) {
                response.content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
            }
        });
    }
}
