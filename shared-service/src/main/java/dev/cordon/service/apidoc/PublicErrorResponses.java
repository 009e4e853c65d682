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
 * Every error response of every operation is the public error JSON; declared here once rather than on each endpoint,
 * with the errors every operation can answer whatever it does: a URL the web server refuses, or a query string that
 * cannot be decoded (400), no valid token or not the permission (401, 403: every /api/ endpoint needs a token, see
 * EndpointPermissions), an Accept header it cannot answer (406), an unexpected failure (500), a dependency away (503),
 * and a body that is not JSON (415) where it takes one.
 */
public class PublicErrorResponses implements OpenApiCustomizer {

    public static final String ERROR_SCHEMA = "ErrorResponse";

    @Override
    public void customise(OpenAPI openApi) {
        ModelConverters.getInstance().readAll(ErrorResponse.class).forEach(openApi.getComponents()::addSchemas);
        openApi.getComponents().getSchemas().get(ERROR_SCHEMA).description("The public error: error.code is one of"
                + " the codes below, error.target the request id (also in the X-Request-ID header and the log).");
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                withErrors(path, operation)));
    }

    /** Refused before Cordon reads the request, on any endpoint (JsonErrorReportValve, MalformedQueryStringFilter). */
    static final String REFUSED_URL = "a URL the web server refuses (BadRequest: an encoded '\\', NUL or '/' in the"
            + " path), or a query string that cannot be decoded (InvalidInput)";

    /** Said on the endpoints that have a rate limit (RateLimitGroup): the caller's budget is spent. */
    public static final String RATE_LIMITED = "Past the caller's rate limit (TooManyRequests, with Retry-After in"
            + " seconds)";

    private static void withErrors(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        ApiResponse badRequest = responses.computeIfAbsent("400", code -> new ApiResponse()
                .description(Character.toUpperCase(REFUSED_URL.charAt(0)) + REFUSED_URL.substring(1)));
        if (!badRequest.getDescription().contains("BadRequest")) {
            badRequest.description(badRequest.getDescription() + "; or " + REFUSED_URL);
        }
        if (path.startsWith("/api/")) {
            responses.computeIfAbsent("401", code -> new ApiResponse()
                    .description("No valid bearer token (Unauthorized, with WWW-Authenticate: Bearer)"));
            responses.computeIfAbsent("403", code -> new ApiResponse()
                    .description("The token lacks the endpoint's permission (Forbidden)"));
        }
        if (operation.getRequestBody() != null) {
            responses.computeIfAbsent("415", code -> new ApiResponse()
                    .description("The body is not application/json (UnsupportedMediaType)"));
        }
        responses.computeIfAbsent("406", code -> new ApiResponse()
                .description("The Accept header admits none of the media types the endpoint answers (NotAcceptable)"));
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
