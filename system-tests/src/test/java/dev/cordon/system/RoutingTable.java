package dev.cordon.system;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one-base-URL routing table shared by the standalone gateway and the docker reverse proxy (see
 * docs/architecture.md). In order, first match wins. Tests use it to send a documented request to the side
 * that serves it behind the one base URL.
 */
public final class RoutingTable {

    public enum Side { COMMAND, QUERY, NOT_ROUTED }

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern AGENT = Pattern.compile("^/api/agent(/.*)?$");
    private static final Pattern AUDIT = Pattern.compile("^/api/machines/[^/]+/(history|state)$|^/api/audit(/.*)?$");
    private static final Pattern API = Pattern.compile("^/api(/.*)?$");
    private static final Pattern ACTUATOR = Pattern.compile("^/actuator(/.*)?$");

    private RoutingTable() {
    }

    /** @param path the path only, without the query string */
    public static Side route(String method, String path) {
        if (AGENT.matcher(path).matches()) {
            return Side.COMMAND;
        }
        if (AUDIT.matcher(path).matches()) {
            return Side.COMMAND;
        }
        if (API.matcher(path).matches() && !READ_METHODS.contains(method)) {
            return Side.COMMAND;
        }
        if (path.equals("/v3/api-docs/command")) {
            return Side.COMMAND;
        }
        // Each side's actuator stays on its own port.
        if (ACTUATOR.matcher(path).matches()) {
            return Side.NOT_ROUTED;
        }
        return Side.QUERY;
    }
}
