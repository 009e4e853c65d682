package dev.cordon.service.apidoc;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;

/**
 * The part of each side's OpenAPI document that both share. The server is relative ("/"), so that Swagger UI, loaded
 * from the one base URL, sends "Try it out" requests there too, and the routing sends each on to the side that
 * serves it.
 */
public final class ApiDocuments {

    /** Said in both documents: the versioned paths are not listed twice. */
    public static final String VERSIONED_PATHS = "Every path under /api/ is also served under /api/v1.0/ (Defender's"
            + " versioned form), as the same endpoint: same permission, rate limit and answer.";

    private ApiDocuments() {
    }

    public static OpenAPI document(String title, String description, ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title(title).version(properties == null ? "dev" : properties.getVersion())
                        .description(description + "\n\n" + VERSIONED_PATHS))
                .servers(List.of(new Server().url("/").description("The base URL this document was loaded from")));
    }
}
