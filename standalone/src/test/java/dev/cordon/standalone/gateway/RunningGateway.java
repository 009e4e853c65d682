package dev.cordon.standalone.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;

/** The gateway servlet in a real Tomcat on an ephemeral port, as the launcher registers it. */
final class RunningGateway implements AutoCloseable {

    static {
        // Tomcat logs through java.util.logging; outside Spring Boot nothing routes that to logback-test.xml.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final WebServer server;

    RunningGateway(Upstreams upstreams, GatewayProperties settings) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new GatewayConfig().jsonErrorReportValve().customize(factory);
        new GatewayConfig().gatewayConnector(settings).customize(factory);
        GatewayServlet servlet = new GatewayServlet(upstreams, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build(), settings, timer);
        server = factory.getWebServer(context -> {
            var registration = context.addServlet("gateway", servlet);
            registration.addMapping("/*");
            registration.setAsyncSupported(true);
        });
        server.start();
    }

    /** Tomcat's worker threads busy now: those a blocking relay would hold for each slow client. */
    int busyThreads() {
        Executor executor = ((TomcatWebServer) server).getTomcat().getConnector().getProtocolHandler().getExecutor();
        return executor instanceof ThreadPoolExecutor pool ? pool.getActiveCount() : -1;
    }

    int port() {
        return server.getPort();
    }

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    @Override
    public void close() {
        server.stop();
        timer.shutdownNow();
    }
}
