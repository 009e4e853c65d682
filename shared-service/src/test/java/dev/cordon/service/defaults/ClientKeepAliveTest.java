package dev.cordon.service.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.service.TestService;
import java.time.Duration;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * A service's HTTP clients (the gateway's to the services, and each service's to the other) close an idle connection
 * before the service's Tomcat does: JDK 17 kept one 1,200 s, Tomcat closes it after 60 s, and a request sent on a
 * connection being closed failed ("header parser received no bytes", a 503 from the gateway for a healthy service;
 * seen twice in a benchmark's 10,000 registrations).
 */
@SpringBootTest(classes = TestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientKeepAliveTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void idleClientConnections_closeBeforeTheServersKeepAliveTimeoutDoes() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        long serverKeepAliveMillis = ((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).getKeepAliveTimeout();

        // This JVM's services started through ServiceDefaults, as every Cordon JVM does.
        String clientKeepAlive = System.getProperty(ServiceDefaults.CLIENT_KEEP_ALIVE);
        assertThat(clientKeepAlive).isEqualTo(ServiceDefaults.CLIENT_KEEP_ALIVE_SECONDS);
        assertThat(Duration.ofSeconds(Long.parseLong(clientKeepAlive)))
                .isLessThan(Duration.ofMillis(serverKeepAliveMillis));
    }

    @Test
    void anOperatorsValue_isKept() {
        String before = System.getProperty(ServiceDefaults.CLIENT_KEEP_ALIVE);
        try {
            System.setProperty(ServiceDefaults.CLIENT_KEEP_ALIVE, "5");
            ServiceDefaults.keepIdleClientConnectionsShorterThanTheServers();
            assertThat(System.getProperty(ServiceDefaults.CLIENT_KEEP_ALIVE)).isEqualTo("5");
        } finally {
            if (before == null) {
                System.clearProperty(ServiceDefaults.CLIENT_KEEP_ALIVE);
            } else {
                System.setProperty(ServiceDefaults.CLIENT_KEEP_ALIVE, before);
            }
        }
    }
}
