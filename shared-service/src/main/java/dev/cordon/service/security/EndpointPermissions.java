package dev.cordon.service.security;

import static dev.cordon.service.security.Permission.MACHINE_ISOLATE;
import static dev.cordon.service.security.Permission.MACHINE_READ_ALL;
import static dev.cordon.service.security.Permission.MACHINE_READ_WRITE_ALL;
import static dev.cordon.service.security.Permission.OPERATIONS;

import java.util.List;

/**
 * Who may call what, on both services: the one access matrix. A test built from both OpenAPI documents fails on an
 * endpoint without a row here, so none is ever open by accident; docs/security.md is checked against this list.
 */
public final class EndpointPermissions {

    private static final List<String> READ = List.of("GET", "HEAD");
    private static final Access READER = Access.anyOf(MACHINE_READ_ALL, MACHINE_READ_WRITE_ALL);

    public static final List<EndpointRule> RULES = List.of(
            // Commands (command side)
            rule("POST", "/api/machines/{id}/isolate", Access.anyOf(MACHINE_ISOLATE)),
            rule("POST", "/api/machines/{id}/unisolate", Access.anyOf(MACHINE_ISOLATE)),
            rule("POST", "/api/machineactions/{id}/cancel", Access.anyOf(MACHINE_ISOLATE)),
            rule("PUT", "/api/machines/{id}", Access.anyOf(MACHINE_READ_WRITE_ALL)),
            rule("POST", "/api/machines/{id}/tags", Access.anyOf(MACHINE_READ_WRITE_ALL)),
            // Bulk actions (command side): the single isolate's and release's permission, and reading as the
            // machine actions are read
            rule("POST", "/api/bulkactions", Access.anyOf(MACHINE_ISOLATE)),
            rule("POST", "/api/bulkactions/{id}/cancel", Access.anyOf(MACHINE_ISOLATE)),
            new EndpointRule(READ, "/api/bulkactions/{id}", READER),
            // The device agent's own endpoints (command side): only an agent's token, for its own machine
            rule("GET", "/api/agent/machines/{id}/pendingactions", Access.agent()),
            rule("POST", "/api/agent/machineactions/{actionId}/status", Access.agent()),
            // Audit reads (command side)
            new EndpointRule(READ, "/api/machines/{id}/history", READER),
            new EndpointRule(READ, "/api/machines/{id}/state", READER),
            new EndpointRule(READ, "/api/audit/events", READER),
            // Reads (query side)
            new EndpointRule(READ, "/api/machineactions", READER),
            new EndpointRule(READ, "/api/machineactions/{id}", READER),
            new EndpointRule(READ, "/api/machines", READER),
            new EndpointRule(READ, "/api/machines/{id}", READER),
            new EndpointRule(READ, "/api/machines/{id}/timeline", READER),
            new EndpointRule(READ, "/api/machines/{id}/isolationoptions", READER),
            new EndpointRule(READ, "/api/changes", READER),
            // Operations: a load balancer's probes are open and say UP or DOWN only; everything else is operators'
            new EndpointRule(READ, "/actuator/health/liveness", Access.open()),
            new EndpointRule(READ, "/actuator/health/readiness", Access.open()),
            new EndpointRule(List.of("GET", "HEAD", "POST"), "/actuator/**", Access.anyOf(OPERATIONS)),
            // Documents and pages: no data in them; what they show comes from the API, with a token
            new EndpointRule(READ, "/v3/api-docs/**", Access.open()),
            new EndpointRule(READ, "/swagger-ui.html", Access.open()),
            new EndpointRule(READ, "/swagger-ui/**", Access.open()),
            new EndpointRule(READ, "/", Access.open()),
            new EndpointRule(READ, "/devices", Access.open()),
            new EndpointRule(READ, "/devices/{id}", Access.open()),
            new EndpointRule(READ, "/actions", Access.open()),
            new EndpointRule(READ, "/assets/**", Access.open()));

    private EndpointPermissions() {
    }

    private static EndpointRule rule(String method, String path, Access access) {
        return new EndpointRule(List.of(method), path, access);
    }
}
