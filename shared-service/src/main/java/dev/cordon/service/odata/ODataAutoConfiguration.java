package dev.cordon.service.odata;

import dev.cordon.service.request.PublicUrlProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Gives {@link ODataContext} the configured public base URL before any request is served. */
@AutoConfiguration
@EnableConfigurationProperties(PublicUrlProperties.class)
public class ODataAutoConfiguration {

    @Bean
    InitializingBean odataContextBaseUrl(PublicUrlProperties properties) {
        return () -> ODataContext.baseUrl(properties.publicBaseUrl());
    }
}
