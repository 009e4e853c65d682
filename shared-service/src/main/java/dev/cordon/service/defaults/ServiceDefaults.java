package dev.cordon.service.defaults;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings both services run with, as defaults below everything else (each application.yml, the environment and the
 * command line still override them). Applied before logging starts, so the log pattern has the request id from the
 * first line.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "cordonServiceDefaults";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // Every log line of a request carries its id (RequestIdFilter puts it in the MDC).
            Map.entry("logging.pattern.correlation", "[%X{requestId:-} %X{serverRequestId:-}] "),
            // A command for an unknown device is a 404 the error mapping answers; Axon also logged it as a WARN with
            // a stack trace, 12 KB of log per refused call. Its repository's real failures reach the error mapping.
            Map.entry("logging.level.org.axonframework.modelling.command.AbstractRepository", "ERROR"),
            // No HTML error pages: the public error JSON comes from FallbackErrorController and the error valve.
            Map.entry("server.error.whitelabel.enabled", "false"),
            Map.entry("spring.mvc.throw-exception-if-no-handler-found", "true"),
            // DEGRADED (HealthStatuses): serving, but a dependency needs attention (docs/monitoring.md). It answers
            // 200, so health checks that look at the HTTP status keep an instance that still serves in service.
            Map.entry("management.endpoint.health.status.order", "down,out-of-service,degraded,up,unknown"),
            Map.entry("management.endpoint.health.status.http-mapping.degraded", "200"),
            // A mapping of its own replaces Boot's defaults rather than adding to them: without these two, DOWN (and a
            // readiness probe's OUT_OF_SERVICE) answered 200 and no load balancer ever took an instance out.
            Map.entry("management.endpoint.health.status.http-mapping.down", "503"),
            Map.entry("management.endpoint.health.status.http-mapping.out-of-service", "503"),
            Map.entry("management.metrics.tags.application", "${spring.application.name}"),
            // Spring Security observed each of its ~15 filters, the authentication and the authorization of every
            // request: timers nobody reads (docs/monitoring.md names none), 7 % of the command side's CPU under load
            // (docs/performance.md#command-path-issue-15). http.server.requests still times every request.
            Map.entry("management.observations.enable.spring.security", "false"));

    /**
     * The JDK HTTP client's keep-alive property: how long an idle connection stays in its pool, JVM-wide, read once
     * when the first client is made.
     */
    static final String CLIENT_KEEP_ALIVE = "jdk.httpclient.keepalive.timeout";
    /**
     * Seconds; below the keep-alive timeout of the services' Tomcat (60 s, its connection timeout). JDK 17 keeps an
     * idle connection 1,200 s, so the gateway (and each service calling the other) reused connections Tomcat was
     * closing: the request failed with "header parser received no bytes", answered 503 for a healthy service. A
     * client that closes its idle connections first never sends on one the server has closed.
     */
    static final String CLIENT_KEEP_ALIVE_SECONDS = "30";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
        keepIdleClientConnectionsShorterThanTheServers();
    }

    /** Before any HTTP client of this JVM is made (this runs before the context's beans); an operator's value stays. */
    static void keepIdleClientConnectionsShorterThanTheServers() {
        if (System.getProperty(CLIENT_KEEP_ALIVE) == null) {
            System.setProperty(CLIENT_KEEP_ALIVE, CLIENT_KEEP_ALIVE_SECONDS);
        }
    }
}
