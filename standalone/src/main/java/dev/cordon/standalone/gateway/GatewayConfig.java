package dev.cordon.standalone.gateway;

import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

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

    /** After Boot's own customizer, which installs Tomcat's HTML error valve: ours answers in JSON instead. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new JsonErrorReportValve());
            }
        });
    }
}
