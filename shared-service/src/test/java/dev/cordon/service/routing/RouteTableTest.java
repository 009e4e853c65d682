package dev.cordon.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Samples of every rule; NginxRoutingTest (system-tests) holds nginx.conf to the same table. */
class RouteTableTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // 1. the device agent's calls, any method
            "GET,     /api/agent/machines/abc/pendingactions,        COMMAND_SIDE",
            "POST,    /api/agent/machineactions/1f0e/status,         COMMAND_SIDE",
            "GET,     /api/agent,                                    COMMAND_SIDE",
            "OPTIONS, /api/agent/machines/abc/pendingactions,        COMMAND_SIDE",
            "GET,     /api/agents,                                   QUERY_SIDE",
            // 2. history, state and audit, read from the event store
            "GET,     /api/machines/abc/history,                     COMMAND_SIDE",
            "GET,     /api/machines/abc/state,                       COMMAND_SIDE",
            "GET,     /api/audit,                                    COMMAND_SIDE",
            "GET,     /api/audit/actions/1f0e,                       COMMAND_SIDE",
            "HEAD,    /api/audit/actions,                            COMMAND_SIDE",
            // bulk actions, reads too: the command side's own tables
            "GET,     /api/bulkactions/1f0e,                         COMMAND_SIDE",
            "POST,    /api/bulkactions,                              COMMAND_SIDE",
            "POST,    /api/bulkactions/1f0e/cancel,                  COMMAND_SIDE",
            "GET,     /api/bulkactionsx,                             QUERY_SIDE",
            // The side that serves GET serves HEAD and OPTIONS too (the drift nginx.conf did not have).
            "HEAD,    /api/machines/abc/history,                     COMMAND_SIDE",
            "OPTIONS, /api/machines/abc/history,                     COMMAND_SIDE",
            "HEAD,    /api/machines/abc/state,                       COMMAND_SIDE",
            "OPTIONS, /api/machines/abc/state,                       COMMAND_SIDE",
            "GET,     /api/machines/abc/history/more,                QUERY_SIDE",
            "GET,     /api/machines/abc/timeline,                    QUERY_SIDE",
            "GET,     /api/machines/abc/isolationoptions,            QUERY_SIDE",
            // 3. every method that changes something, on /api/**
            "PUT,     /api/machines/abc,                             COMMAND_SIDE",
            "POST,    /api/machines/abc/isolate,                     COMMAND_SIDE",
            "POST,    /api/machines/abc/unisolate,                   COMMAND_SIDE",
            "POST,    /api/machineactions/1f0e/cancel,               COMMAND_SIDE",
            "DELETE,  /api/machines/abc,                             COMMAND_SIDE",
            "PATCH,   /api,                                          COMMAND_SIDE",
            "HEAD,    /api/machineactions,                           QUERY_SIDE",
            "OPTIONS, /api/machineactions,                           QUERY_SIDE",
            "POST,    /apix,                                         QUERY_SIDE",
            "POST,    /swagger-ui/index.html,                        QUERY_SIDE",
            // 4. the command side's OpenAPI document
            "GET,     /v3/api-docs/command,                          COMMAND_SIDE",
            "GET,     /v3/api-docs/commands,                         QUERY_SIDE",
            // 5. everything else: reads, Swagger UI, the other documents, the dashboard
            "GET,     /api/machineactions,                           QUERY_SIDE",
            "GET,     /api/machineactions/1f0e,                      QUERY_SIDE",
            "GET,     /api/machines,                                 QUERY_SIDE",
            "GET,     /api/machines/abc,                             QUERY_SIDE",
            "GET,     /v3/api-docs/query,                            QUERY_SIDE",
            "GET,     /v3/api-docs,                                  QUERY_SIDE",
            "GET,     /swagger-ui.html,                              QUERY_SIDE",
            "GET,     /swagger-ui/index.html,                        QUERY_SIDE",
            "GET,     /,                                             QUERY_SIDE",
            "GET,     /api/changes,                                  QUERY_SIDE",
            "GET,     /devices/abc,                                  QUERY_SIDE",
            "GET,     /actions,                                      QUERY_SIDE",
            "GET,     /assets/app.js,                                QUERY_SIDE",
            // each service's actuator stays on its own port
            "GET,     /actuator/health,                              NOT_ROUTED",
            "GET,     /actuator,                                     NOT_ROUTED",
            "POST,    /actuator/shutdown,                            NOT_ROUTED",
    })
    void route_followsTheSharedTable_firstMatchWins_versionedOrNot(String method, String path, Route expected) {
        assertThat(RouteTable.route(method, path)).isEqualTo(expected);
        // /api/v1.0/... is the same endpoint as /api/...: it goes where the unversioned path goes.
        if (path.equals("/api") || path.startsWith("/api/")) {
            assertThat(RouteTable.route(method, "/api/v1.0" + path.substring(4))).as("versioned").isEqualTo(expected);
        }
    }

    @Test
    void everyPath_hasARoute_theLastRuleTakesWhatNoOtherDoes() {
        assertThat(RouteTable.RULES.get(RouteTable.RULES.size() - 1).route()).isEqualTo(Route.QUERY_SIDE);
        assertThat(RouteTable.route("BREW", "/coffee")).isEqualTo(Route.QUERY_SIDE);
    }

}
