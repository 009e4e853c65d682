package dev.cordon.service.ratelimit;

import java.util.List;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpMethod;

/**
 * Endpoints that share one budget per caller, with their default limit. As Defender documents for these endpoints:
 * 100 calls a minute and 1,500 an hour on the machine-action endpoints (a bulk action's among them, once per call). A device agent's own endpoints have a budget
 * of their own, well above what an agent polling every few seconds uses, so an incident's reports are never
 * throttled by a playbook's calls.
 */
public enum RateLimitGroup {

    MACHINE_ACTIONS("machine-actions", new RateLimitProperties.Limit(100, 1_500), List.of(
            post("/api/machines/{id}/isolate"), post("/api/machines/{id}/unisolate"),
            post("/api/machineactions/{id}/cancel"),
            get("/api/machineactions"), get("/api/machineactions/{id}"),
            // A bulk is one call, whatever its number of devices: its targets' commands go past the web layer.
            post("/api/bulkactions"), post("/api/bulkactions/{id}/cancel"), get("/api/bulkactions/{id}"))),
    AGENT("agent", new RateLimitProperties.Limit(1_200, 36_000), List.of(
            PathPatternRequestMatcher.withDefaults().matcher("/api/agent/**")));

    private final String configName;
    private final RateLimitProperties.Limit defaults;
    private final RequestMatcher endpoints;

    RateLimitGroup(String configName, RateLimitProperties.Limit defaults, List<RequestMatcher> endpoints) {
        this.configName = configName;
        this.defaults = defaults;
        this.endpoints = new OrRequestMatcher(endpoints);
    }

    /** Its key under {@code cordon.rate-limits}. */
    public String configName() {
        return configName;
    }

    public RateLimitProperties.Limit defaults() {
        return defaults;
    }

    public RequestMatcher endpoints() {
        return endpoints;
    }

    private static RequestMatcher post(String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path);
    }

    private static RequestMatcher get(String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path);
    }
}
