package dev.cordon.standalone.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.service.error.JsonErrorValveCustomizer;
import dev.cordon.standalone.disk.DiskWatch;
import dev.cordon.standalone.health.HealthServlet;
import dev.cordon.standalone.health.LauncherHealth;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway on its own: its settings are bound here, so that any application that imports it has them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfig {

    @Bean
    public Upstreams upstreams() {
        return new Upstreams();
    }

    @Bean
    public ServletRegistrationBean<GatewayServlet> gatewayServlet(Upstreams upstreams, GatewayProperties settings,
            DiskWatch disk) {
        ServletRegistrationBean<GatewayServlet> registration = new ServletRegistrationBean<>(
                new GatewayServlet(upstreams, httpClient(), settings, deadlines(), disk::refusal), "/*");
        registration.setName("gateway");
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * The request bodies' deadlines: one thread, each deadline is a moment's work. Not a bean: an executor bean
     * would stand in for Boot's own task executor. The servlet shuts it down when it is destroyed.
     */
    static ScheduledExecutorService deadlines() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** HTTP/1.1 to the services, redirects passed to the client as they are; no overall timeout (event streams). */
    static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The gateway's connector: a limit of connections per client address ({@link PerAddressNioProtocol}); and no
     * refused body is swallowed. The gateway leaves a body unread only when it refuses it (too large, too slow):
     * Tomcat must then close the connection at once, not read the rest to keep it alive, which would hold a thread
     * for as long as a slow client takes to send it.
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> gatewayConnector(GatewayProperties settings) {
        return factory -> {
            factory.setProtocol(PerAddressNioProtocol.class.getName());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setMaxSwallowSize(0);
                }
                if (connector.getProtocolHandler() instanceof PerAddressNioProtocol limited) {
                    limited.setMaxConnectionsPerAddress(settings.perClientConnections());
                }
            });
        };
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
