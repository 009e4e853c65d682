package dev.cordon.service.routing;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one routing table of the one base URL: the standalone gateway routes by it, and docker/nginx.conf is checked
 * against it (NginxRoutingTest, every method on every routed path). In order, the first matching rule wins.
 */
public final class RouteTable {

    /** One row: these methods (all of them when empty) on paths matching {@code path} go to {@code route}. */
    public record Rule(String description, Set<String> methods, Pattern path, Route route) {

        boolean matches(String method, String requestPath) {
            return (methods.isEmpty() || methods.contains(method)) && path.matcher(requestPath).matches();
        }
    }

    private static final Set<String> ANY = Set.of();
    /** Methods that change something; GET, HEAD and OPTIONS read. */
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    public static final List<Rule> RULES = List.of(
            new Rule("each service's actuator stays on its own port", ANY, under("/actuator"), Route.NOT_ROUTED),
            new Rule("the device agent's calls", ANY, under("/api/agent"), Route.COMMAND_SIDE),
            new Rule("a device's history and state, read from the event store", ANY,
                    Pattern.compile("/api/machines/[^/]+/(history|state)"), Route.COMMAND_SIDE),
            new Rule("the audit export, read from the event store", ANY, under("/api/audit"), Route.COMMAND_SIDE),
            new Rule("bulk actions, reads too: served from the command side's own tables", ANY,
                    under("/api/bulkactions"), Route.COMMAND_SIDE),
            new Rule("every method that changes something, on /api/**", WRITES, under("/api"), Route.COMMAND_SIDE),
            new Rule("the command side's OpenAPI document", ANY, under("/v3/api-docs/command"), Route.COMMAND_SIDE),
            new Rule("everything else: reads, Swagger UI, the other API documents, the dashboard", ANY,
                    Pattern.compile("/.*"), Route.QUERY_SIDE));

    private RouteTable() {
    }

    /**
     * @param path the decoded, normalised path, as the services will match it; a versioned one
     *             ({@code /api/v1.0/...}) goes where its unversioned path goes, as the services serve it so
     */
    public static Route route(String method, String path) {
        String unversioned = ApiVersions.unversioned(path);
        return RULES.stream().filter(rule -> rule.matches(method, unversioned)).findFirst().map(Rule::route)
                .orElse(Route.QUERY_SIDE);
    }

    /** {@code /api/**} in Ant style: {@code /api} itself and everything below it, but not {@code /apix}. */
    private static Pattern under(String prefix) {
        return Pattern.compile(Pattern.quote(prefix) + "(/.*)?");
    }
}
