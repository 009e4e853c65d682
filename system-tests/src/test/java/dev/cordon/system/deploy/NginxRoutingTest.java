package dev.cordon.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.service.routing.Route;
import dev.cordon.service.routing.RouteTable;
import dev.cordon.system.Repository;
import dev.cordon.system.docs.ApiDocEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker/nginx.conf routes as the gateway's one routing table does: every method, HEAD and OPTIONS included, on every
 * path the base URL serves (each documented endpoint of both services, the pages, the documents, the actuator, and
 * the near misses around each rule), goes to the same side through both.
 */
class NginxRoutingTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");
    /** What is not an API endpoint, and the paths just beside each rule's edge. */
    private static final List<String> OTHER_PATHS = List.of("/", "/devices", "/devices/4f2a9c1e", "/actions",
            "/assets/app.js", "/assets/css/site.css", "/swagger-ui.html", "/swagger-ui/index.html",
            "/v3/api-docs", "/v3/api-docs/query", "/v3/api-docs/command", "/v3/api-docs/commands",
            "/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
            "/actuatorx", "/api", "/apix", "/api/agent", "/api/agents", "/api/audit", "/api/auditor",
            "/api/machines/4f2a9c1e/history/more", "/api/machines/4f2a9c1e/statement", "/error", "/favicon.ico");

    @Test
    void nginx_sendsEveryMethodOnEveryRoutedPathWhereTheRouteTableDoes() {
        NginxConfig nginx = NginxConfig.parse(Repository.read("docker/nginx.conf"));
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (String path : paths()) {
            for (String method : METHODS) {
                Route table = RouteTable.route(method, path);
                Route proxy = side(nginx.route(8080, method, path));
                compared++;
                if (table != proxy) {
                    disagreements.add(method + " " + path + ": table " + table + ", nginx " + proxy);
                }
            }
        }
        assertThat(disagreements).as("%d requests compared", compared).isEmpty();
        assertThat(compared).isGreaterThan(200);
    }

    /** Every documented endpoint of both services (docs/api.md, which ApiDocIT holds to both OpenAPI documents). */
    private static Set<String> paths() {
        Set<String> paths = new TreeSet<>(OTHER_PATHS);
        ApiDocEndpoints.listed(Repository.read("docs/api.md")).forEach(endpoint -> {
            String path = endpoint.path().replace("{}", "0f6ad4c4-64d6-4a6e-9d32-7d1f7bd0c1e2");
            paths.add(path);
            // Defender's versioned form of the same endpoint.
            if (path.startsWith("/api/")) {
                paths.add("/api/v1.0" + path.substring(4));
            }
        });
        paths.addAll(List.of("/api/v1.0", "/api/v1.0/agent", "/api/v1.01/agent/machines/x/pendingactions",
                "/api/v2.0/audit/events"));
        assertThat(paths).as("documented endpoints").hasSizeGreaterThan(OTHER_PATHS.size() + 10);
        return paths;
    }

    private static Route side(NginxConfig.Target target) {
        if (target.upstream() == null) {
            assertThat(target.returnStatus()).isEqualTo(404);
            return Route.NOT_ROUTED;
        }
        return Stream.of(Route.values()).filter(r -> target.upstream().equals(upstreamOf(r))).findFirst()
                .orElseThrow(() -> new AssertionError("nginx upstream " + target.upstream() + " has no route"));
    }

    private static String upstreamOf(Route route) {
        return switch (route) {
            case COMMAND_SIDE -> "command_side";
            case QUERY_SIDE -> "query_side";
            case NOT_ROUTED -> "";
        };
    }
}
