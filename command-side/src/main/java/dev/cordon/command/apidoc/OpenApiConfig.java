package dev.cordon.command.apidoc;

import dev.cordon.service.apidoc.ApiDocuments;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's OpenAPI document, served at {@code /v3/api-docs/command} (springdoc.api-docs.path). Its server
 * and its error responses are shared-service's, as on the query side.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI commandSideOpenApi(ObjectProvider<BuildProperties> build) {
        return ApiDocuments.document("Cordon command API",
                "Isolate and release devices, cancel machine actions, register devices, and the device agent's"
                        + " endpoints. Compatible with Microsoft Defender for Endpoint's machine-actions API. Also the"
                        + " audit reads, answered from the event store: a device's history, its state at an instant,"
                        + " the event export. Other reads are on the query API.", build);
    }
}
