package dev.cordon.service.apidoc;

import dev.cordon.events.error.ErrorResponse;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every error response of every operation is the public error JSON; declared here once rather than on each endpoint.
 * Every operation may fail unexpectedly (500) or find a dependency away (503), and one that takes a body may be sent
 * one that is not JSON (415).
 */
public class PublicErrorResponses implements OpenApiCustomizer {

    public static final String ERROR_SCHEMA = "ErrorResponse";

    @Override
    public void customise(OpenAPI openApi) {
        ModelConverters.getInstance().readAll(ErrorResponse.class).forEach(openApi.getComponents()::addSchemas);
        openApi.getComponents().getSchemas().get(ERROR_SCHEMA).description("The public error: error.code is one of"
                + " the codes below, error.target the request id (also in the X-Request-ID header and the log).");
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(PublicErrorResponses::withErrors));
    }

    private static void withErrors(Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            responses.computeIfAbsent("415", code -> new ApiResponse()
                    .description("The body is not application/json (UnsupportedMediaType)"));
        }
        responses.computeIfAbsent("500", code -> new ApiResponse()
                .description("An unexpected error; quote the request id (InternalServerError)"));
        responses.computeIfAbsent("503", code -> new ApiResponse()
                .description("The database or the broker is unavailable; retry after Retry-After seconds"
                        + " (ServiceUnavailable)"));
        // springdoc gives a response declared without content the method's return type: an error never has it.
        responses.forEach((code, response) -> {
            if (code.matches("[45]\\d\\d")) {
                response.content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
            }
        });
    }
}
