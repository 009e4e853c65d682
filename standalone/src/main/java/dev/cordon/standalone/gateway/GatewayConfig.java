package dev.cordon.standalone.gateway;

import dev.cordon.service.error.JsonErrorValveCustomizer;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class GatewayConfig {

    @Bean
    public Upstreams upstreams() {
        return new Upstreams();
    }

    /** HTTP/1.1 to the services, redirects passed to the client as they are; no overall timeout (event streams). */
    @Bean
    public ServletRegistrationBean<GatewayServlet> gatewayServlet(Upstreams upstreams) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        ServletRegistrationBean<GatewayServlet> registration =
                new ServletRegistrationBean<>(new GatewayServlet(upstreams, client), "/*");
        registration.setName("gateway");
        return registration;
    }

    /** Tomcat's own refusals (a malformed path) answered with the public error JSON, as on both services. */
    @Bean
    public JsonErrorValveCustomizer jsonErrorReportValve() {
        return new JsonErrorValveCustomizer();
    }
}
