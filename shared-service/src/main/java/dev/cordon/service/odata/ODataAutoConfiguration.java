package dev.cordon.service.odata;

import dev.cordon.service.request.PublicUrlProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/** Gives {@link ODataContext} the configured public base URL before any request is served. */
@AutoConfiguration
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(PublicUrlProperties.class)
public class ODataAutoConfiguration {

    @Bean
    InitializingBean odataContextBaseUrl(PublicUrlProperties properties) {
        return () -> ODataContext.baseUrl(properties.publicBaseUrl());
    }
}
