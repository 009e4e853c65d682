package dev.cordon.standalone.gateway;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one-base-URL routing table, shared with the Docker reverse proxy; in order, the first match wins:
 * <ol>
 *   <li>{@code /api/agent/**}, any method: command side (the device agent's calls)</li>
 *   <li>{@code GET /api/machines/{id}/history}, {@code GET /api/machines/{id}/state}, {@code /api/audit/**}:
 *       command side (read from the event store itself)</li>
 *   <li>any method but GET, HEAD and OPTIONS on {@code /api/**}: command side</li>
 *   <li>{@code /v3/api-docs/command}: command side (its OpenAPI document)</li>
 *   <li>everything else: query side (reads, Swagger UI, the other API documents)</li>
 * </ol>
 * {@code /actuator/**} is not routed: each service's actuator stays on its own port.
 */
public final class RouteTable {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern HISTORY_OR_STATE = Pattern.compile("/api/machines/[^/]+/(history|state)");

    private RouteTable() {
    }

    /** @param path the decoded, normalised path, as the services will match it */
    public static Route route(String method, String path) {
        if (under(path, "/actuator")) {
            return Route.NOT_ROUTED;
        }
        if (under(path, "/api/agent")) {
            return Route.COMMAND_SIDE;
        }
        if ("GET".equals(method) && HISTORY_OR_STATE.matcher(path).matches() || under(path, "/api/audit")) {
            return Route.COMMAND_SIDE;
        }
        if (!READS.contains(method) && under(path, "/api")) {
            return Route.COMMAND_SIDE;
        }
        if (under(path, "/v3/api-docs/command")) {
            return Route.COMMAND_SIDE;
        }
        return Route.QUERY_SIDE;
    }

    /** {@code /api/**} in Ant style: {@code /api} itself and everything below it, but not {@code /apix}. */
    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
