package dev.cordon.standalone.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.service.error.JsonErrorValveCustomizer;
import dev.cordon.standalone.disk.DiskWatch;
import dev.cordon.standalone.health.HealthServlet;
import dev.cordon.standalone.health.LauncherHealth;
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
    public ServletRegistrationBean<GatewayServlet> gatewayServlet(Upstreams upstreams, DiskWatch disk) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        ServletRegistrationBean<GatewayServlet> registration =
                new ServletRegistrationBean<>(new GatewayServlet(upstreams, client, disk::refusal), "/*");
        registration.setName("gateway");
        return registration;
    }

    /** The launcher's own health; an exact path, so it is answered here rather than routed. */
    @Bean
    public ServletRegistrationBean<HealthServlet> healthServlet(LauncherHealth health, ObjectMapper json) {
        ServletRegistrationBean<HealthServlet> registration =
                new ServletRegistrationBean<>(new HealthServlet(health, json), "/health");
        registration.setName("health");
        return registration;
    }

    /** Tomcat's own refusals (a malformed path) answered with the public error JSON, as on both services. */
    @Bean
    public JsonErrorValveCustomizer jsonErrorReportValve() {
        return new JsonErrorValveCustomizer();
    }
}
