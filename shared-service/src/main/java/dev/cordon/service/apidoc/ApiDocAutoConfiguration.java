package dev.cordon.service.apidoc;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The error responses and the nullable properties of both sides' OpenAPI documents; each side declares its own
 * document's title.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocAutoConfiguration {

    @Bean
    PublicErrorResponses publicErrorResponses() {
        return new PublicErrorResponses();
    }

    @Bean
    NullableProperties nullableProperties() {
        return new NullableProperties();
    }
}
