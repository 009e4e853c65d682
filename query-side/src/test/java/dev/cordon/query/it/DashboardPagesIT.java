package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.service.testing.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The dashboard's pages and files as the query side serves them (DashboardIT drives them in a browser). */
class DashboardPagesIT extends IntegrationTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyPage_isTheShell_asHtml_withTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/devices", "/devices/38b22184fc2ac84711103b1e24d1589c11e2d0fa",
                "/actions", "/actions?tab=history&status=Cancelled"}) {
            HttpResponse<String> page = fetch(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=UTF-8");
            assertThat(page.body()).as(path).contains("<script type=\"module\" src=\"/assets/app.js\">");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        }
    }

    @Test
    void withoutSignInConfigured_thePagesLoad_andTheDashboardsDoorSaysSo() throws Exception {
        HttpResponse<String> session = fetch("/dashboard/session");
        assertThat(session.statusCode()).isEqualTo(404);
        assertThat(session.body()).contains("\"NotFound\"", "Sign-in to the dashboard is not configured");
        assertThat(session.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(fetch("/devices").statusCode()).isEqualTo(200);
    }

    @Test
    void assets_areServedWithTheirTypes_andRevalidated() throws Exception {
        HttpResponse<String> script = fetch("/assets/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(fetch("/assets/app.css").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(fetch("/assets/favicon.svg").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("image/svg+xml");

        // Nothing outside the assets folder is reachable through it.
        for (String path : new String[] {"/assets/../index.html", "/assets/%2e%2e/index.html", "/assets/"}) {
            HttpResponse<String> outside = fetch(path);
            assertThat(outside.statusCode()).as(path).isIn(400, 404);
            assertThat(outside.body()).as(path).doesNotContain("<!doctype html>");
        }
    }

    @Test
    void theApi_keepsItsJsonErrors_besideThePages() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/machines/nothing-here")).header("Authorization", TestIssuer.bearer()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        // Not the pages' policy: an API answer is never a page; it only may not be framed (the services' default).
        assertThat(unknown.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(unknown.body()).contains("\"ResourceNotFound\"");
    }

    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
