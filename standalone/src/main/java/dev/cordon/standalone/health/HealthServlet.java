package dev.cordon.standalone.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /health}: the launcher's {@link LauncherHealth} as JSON, 200 while UP or DEGRADED, 503 with Retry-After
 * while DOWN, as Spring's health endpoints answer. Open without a token like the services' readiness probe: it tells
 * whether Cordon can work, nothing about devices.
 */
public class HealthServlet extends HttpServlet {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final transient LauncherHealth health;
    private final transient ObjectMapper json;

    public HealthServlet(LauncherHealth health, ObjectMapper json) {
        this.health = health;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LauncherHealth.Report report = health.report();
        if (report.status() == LauncherHealth.Status.DOWN) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), report);
    }
}
