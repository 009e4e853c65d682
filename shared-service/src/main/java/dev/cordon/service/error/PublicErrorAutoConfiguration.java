package dev.cordon.service.error;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The public error JSON from every layer of a service: controllers ({@link ApiExceptionHandler}), filters and the
 * container's error dispatch ({@link FallbackErrorController}), and what Tomcat refuses before any of them
 * ({@link JsonErrorReportValve}). Before Boot's error configuration, whose whitelabel controller backs off from ours.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public class PublicErrorAutoConfiguration {

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    StrictUtf8Bodies strictUtf8Bodies() {
        return new StrictUtf8Bodies();
    }

    @Bean
    FallbackErrorController fallbackErrorController() {
        return new FallbackErrorController();
    }

    @Bean
    JsonErrorValveCustomizer jsonErrorValveCustomizer() {
        return new JsonErrorValveCustomizer();
    }

    @Bean
    FilterRegistrationBean<MalformedQueryStringFilter> malformedQueryStringFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        FilterRegistrationBean<MalformedQueryStringFilter> registration =
                new FilterRegistrationBean<>(new MalformedQueryStringFilter(errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
