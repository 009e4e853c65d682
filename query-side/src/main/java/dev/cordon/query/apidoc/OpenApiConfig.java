package dev.cordon.query.apidoc;

import dev.cordon.service.apidoc.ApiDocuments;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's OpenAPI document, served at {@code /v3/api-docs/query} (springdoc.api-docs.path), and the Swagger
 * UI at /swagger-ui.html, which lists it and the command side's. Its server and its error responses are
 * shared-service's, as on the command side.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI querySideOpenApi(ObjectProvider<BuildProperties> build) {
        return ApiDocuments.document("Cordon query API",
                "Reads: the Action center (machine actions, with OData $filter), devices and their timelines."
                        + " Compatible with Microsoft Defender for Endpoint's machine-actions API. Read models follow"
                        + " the command side within moments; commands are on the command API.", build);
    }
}
