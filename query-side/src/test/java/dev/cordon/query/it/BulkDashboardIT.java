package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.support.HeadlessChromium;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bulk actions in the dashboard, in Debian's headless Chromium, signed in through a fake identity provider (TestIssuer's
 * tokens, so the API's security judges every call as for any client). The query side is real (its read models fed
 * through Kafka, its change feed); the command side is a stub that answers {@code /api/bulkactions} as the contract
 * has it and records what the dashboard relayed, while the test publishes the device events a real command side would.
 */
class BulkDashboardIT extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CLIENT_ID = "cordon-dashboard";
    /** Fixed before the app starts: the public base URL (the redirect URI, the origin writes must come from) names it. */
    private static final int PORT = freePort();
    private static final FakeProvider PROVIDER = new FakeProvider();
    private static final StubCommandSide COMMAND_SIDE = new StubCommandSide();

    private HeadlessChromium chromium;

    @DynamicPropertySource
    static void signIn(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("cordon.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("cordon.dashboard.sign-in.client-id", () -> CLIENT_ID);
        registry.add("cordon.dashboard.sign-in.client-secret", () -> "dashboard-secret");
        registry.add("cordon.dashboard.sign-in.authorization-uri", () -> PROVIDER.base() + "/authorize");
        registry.add("cordon.dashboard.sign-in.token-uri", () -> PROVIDER.base() + "/token");
        registry.add("cordon.dashboard.sign-in.end-session-uri", () -> PROVIDER.base() + "/logout");
        registry.add("cordon.dashboard.command-side-url", COMMAND_SIDE::base);
        // Another app context beside the shared one, on a PostgreSQL others use too: a handful of connections.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @AfterAll
    static void stop() {
        PROVIDER.server.stop(0);
        COMMAND_SIDE.server.stop(0);
    }

    @Test
    void selectDevices_isolateThem_seeTheCountAndRefusals_andFollowTheBulkLiveInTheActionCenter() throws Exception {
        String prefix = "bq" + Long.toString(System.nanoTime(), 36);
        List<DeviceStream> devices = List.of(newDevice(prefix), newDevice(prefix), newDevice(prefix));
        for (DeviceStream device : devices) {
            device.send(TestEvents.registered(device.id, at(0)));
        }
        DeviceStream accepted = devices.get(0);
        DeviceStream refused = devices.get(1);

        WebDriver ui = signIn(TestIssuer.get().user("analyst", CordonRole.RESPONDER, null, "Machine.Read.All",
                "Machine.Isolate"));
        ui.get("http://localhost:" + PORT + "/devices?q=" + prefix);
        await().until(d -> d.findElements(By.cssSelector("#devices tbody tr")).size() == 3);
        assertThat(text("bulk-selected")).isEqualTo("0 devices selected.");
        assertThat(ui.findElement(By.id("isolate-selected")).isEnabled()).isFalse();

        // Two devices picked by hand → Isolate selected → comment → Confirm.
        ui.findElement(By.id("select-" + accepted.id)).click();
        ui.findElement(By.id("select-" + refused.id)).click();
        assertThat(text("bulk-selected")).isEqualTo("2 devices selected.");
        assertThat(ui.getCurrentUrl()).contains("/devices"); // ticking a box does not open the device
        ui.findElement(By.id("isolate-selected")).click();
        await().until(d -> dialogOpen());
        assertThat(text("action-dialog-title")).isEqualTo("Isolate 2 devices");
        assertThat(ui.findElement(By.id("isolation-full")).isSelected()).isTrue();
        ui.findElement(By.id("action-comment")).sendKeys("Ransomware spreading on the third floor");
        ui.findElement(By.id("action-confirm")).click();
        await().until(d -> !dialogOpen());

        // The 202's count at once: what was relayed, with the analyst's token, is the contract's body.
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-result")));
        assertThat(text("bulk-result-counts")).contains("2 devices targeted", "0 accepted", "dispatching");
        Map<String, Object> isolateCall = COMMAND_SIDE.posted.get(0);
        assertThat(isolateCall.get("authorization")).isEqualTo("Bearer " + PROVIDER.lastAccessToken);
        JsonNode body = JSON.readTree((String) isolateCall.get("body"));
        assertThat(body.get("Action").asText()).isEqualTo("Isolate");
        assertThat(body.get("IsolationType").asText()).isEqualTo("Full");
        assertThat(body.get("Comment").asText()).isEqualTo("Ransomware spreading on the third floor");
        assertThat(body.get("MachineIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder(accepted.id,
                refused.id);
        assertThat(body.has("Filter")).isFalse();
        String bulkId = (String) isolateCall.get("bulkId");
        assertThat(ui.findElement(By.id("select-" + accepted.id)).isSelected()).as("selection cleared").isFalse();

        // The command side dispatches: one action, one refusal. The panel shows them once the bulk is dispatched.
        String actionId = newId("act");
        accepted.send(TestEvents.isolationRequested(accepted.id, actionId, IsolationType.Full, at(10), bulkId));
        COMMAND_SIDE.update(bulkId, "Dispatched", Map.of("accepted", 1, "refused", 1, "Pending", 1),
                List.of(Map.of("machineId", refused.id, "errorCode", "ActiveRequestAlreadyExists",
                        "message", "Another action is pending on the device")));
        await().until(d -> "Dispatched".equals(d.findElement(By.id("bulk-result")).getAttribute("data-status")));
        assertThat(text("bulk-result-counts")).contains("2 devices targeted", "1 accepted", "1 refused");
        WebElement refusal = ui.findElement(By.cssSelector("#bulk-refusals tbody tr"));
        assertThat(refusal.getText()).contains(refused.id + ".corp.example", "Another isolation or release is already"
                + " pending", "ActiveRequestAlreadyExists");

        // All matching the search: the filter is sent, not the ids on screen.
        ui.findElement(By.id("select-all-matching")).click();
        assertThat(text("bulk-selected")).isEqualTo("All 3 devices matching the search are selected.");
        assertThat(ui.findElements(By.cssSelector("input[data-select]"))).allMatch(WebElement::isSelected);
        ui.findElement(By.id("release-selected")).click();
        await().until(d -> dialogOpen());
        assertThat(text("action-dialog-intro")).containsIgnoringCase("every device matching the search \"" + prefix
                + "\" (3 devices)");
        assertThat(ui.findElement(By.id("isolation-type")).isDisplayed()).isFalse();
        ui.findElement(By.id("action-comment")).sendKeys("Contained");
        ui.findElement(By.id("action-confirm")).click();
        await().until(d -> !dialogOpen());
        await().until(d -> COMMAND_SIDE.posted.size() == 2);
        JsonNode release = JSON.readTree((String) COMMAND_SIDE.posted.get(1).get("body"));
        assertThat(release.get("Action").asText()).isEqualTo("Unisolate");
        assertThat(release.get("Filter").asText()).contains("startswith(computerDnsName,'" + prefix + "')");
        assertThat(release.has("MachineIds")).isFalse();
        assertThat(release.has("IsolationType")).isFalse();

        // The Action center: the bulk is one row with its progress; expanded, its action; updated live.
        ui.findElement(By.cssSelector("nav a[href='/actions']")).click();
        await().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        chromium.script("window.cordonTestMark = true");
        By bulkRow = By.cssSelector("tr.bulk-row[data-bulk-id='" + bulkId + "']");
        await().until(d -> !d.findElements(bulkRow).isEmpty()
                && d.findElement(bulkRow).getText().contains("1 accepted"));
        assertThat(ui.findElement(bulkRow).getText()).contains("Bulk: Isolate device", "2 devices", "Full isolation",
                "1 accepted · 1 refused", "Pending 1", "analyst@corp.example");
        assertThat(ui.findElements(By.cssSelector("tr[data-action-id='" + actionId + "']"))).isEmpty();
        ui.findElement(By.id("toggle-bulk-" + bulkId)).click();
        By member = By.cssSelector("tr.bulk-member[data-action-id='" + actionId + "']");
        await().until(d -> !d.findElements(member).isEmpty());
        assertThat(ui.findElement(By.id("toggle-bulk-" + bulkId)).getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(ui.findElement(member).getText()).contains(accepted.id + ".corp.example", "Pending");

        accepted.send(TestEvents.started(accepted.id, actionId, ActionType.Isolate, at(20)));
        COMMAND_SIDE.update(bulkId, "Dispatched", Map.of("accepted", 1, "refused", 1, "InProgress", 1), null);
        await().until(d -> d.findElement(member).getAttribute("data-status").equals("InProgress")
                && d.findElement(By.id("bulk-progress-" + bulkId)).getText().contains("In progress 1"));
        accepted.send(TestEvents.isolated(accepted.id, actionId, IsolationType.Full, at(30)));
        COMMAND_SIDE.update(bulkId, "Dispatched", Map.of("accepted", 1, "refused", 1, "Succeeded", 1), null);
        await().until(d -> d.findElement(member).getAttribute("data-status").equals("Succeeded")
                && d.findElement(By.id("bulk-progress-" + bulkId)).getText().contains("Succeeded 1"));
        assertThat(chromium.script("return window.cordonTestMark === true")).as("not reloaded").isEqualTo(true);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void aViewer_hasNoCheckboxes_andNoBulkButtons() throws Exception {
        String prefix = "bqv" + Long.toString(System.nanoTime(), 36);
        DeviceStream device = newDevice(prefix);
        device.send(TestEvents.registered(device.id, at(0)));
        WebDriver ui = signIn(TestIssuer.get().user("auditor", CordonRole.VIEWER, null, "Machine.Read.All"));
        ui.get("http://localhost:" + PORT + "/devices?q=" + prefix);
        await().until(d -> d.findElements(By.cssSelector("#devices tbody tr")).size() == 1);
        assertThat(ui.findElements(By.id("bulk-bar"))).isEmpty();
        assertThat(ui.findElements(By.cssSelector("#devices input[type='checkbox']"))).isEmpty();
        assertThat(ui.findElements(By.id("isolate-selected"))).isEmpty();
    }

    private WebDriver signIn(String accessToken) throws IOException {
        chromium = HeadlessChromium.start(1280, 900);
        PROVIDER.nextAccessToken = accessToken;
        WebDriver ui = chromium.driver();
        ui.get("http://localhost:" + PORT + "/devices");
        await().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return ui;
    }

    private WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(chromium.driver(), WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private String text(String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    private boolean dialogOpen() {
        return Boolean.TRUE.equals(chromium.script("return document.getElementById('action-dialog').open"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Signs in at once: its authorize page redirects straight back with a code for the token the test chose. */
    private static final class FakeProvider {

        final HttpServer server = start();
        final Map<String, String[]> codes = new ConcurrentHashMap<>();
        volatile String nextAccessToken;
        volatile String lastAccessToken;

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private HttpServer start() {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                http.createContext("/authorize", this::authorize);
                http.createContext("/token", this::token);
                http.start();
                return http;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> asked = query(exchange.getRequestURI().getRawQuery());
            String code = "code-" + java.util.UUID.randomUUID();
            codes.put(code, new String[] {asked.get("nonce"), nextAccessToken});
            exchange.getResponseHeaders().add("Location", asked.get("redirect_uri") + "?code=" + code + "&state="
                    + java.net.URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String[] issued = codes.remove(form.getOrDefault("code", ""));
            if (issued == null) {
                reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            lastAccessToken = issued[1];
            String idToken = TestIssuer.get().token(claims -> claims.audience(CLIENT_ID).subject("analyst-subject")
                    .claim("nonce", issued[0]).claim("preferred_username", "analyst"));
            reply(exchange, 200, JSON.writeValueAsString(Map.of("access_token", issued[1], "token_type", "Bearer",
                    "expires_in", 3600, "refresh_token", "refresh-" + java.util.UUID.randomUUID(),
                    "id_token", idToken, "scope", "openid profile api://cordon/user_impersonation")));
        }
    }

    /**
     * The command side's bulk endpoints as the contract shapes them: POST answers 202 with the bulk (Dispatching, its
     * targets counted), GET answers the bulk as the test last set it.
     */
    private static final class StubCommandSide {

        final List<Map<String, Object>> posted = new CopyOnWriteArrayList<>();
        final Map<String, Map<String, Object>> bulks = new ConcurrentHashMap<>();
        final HttpServer server = start();

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The bulk's status, counts beside its targeted count, and (when given) its refusals. */
        void update(String bulkId, String status, Map<String, Integer> counts, List<Map<String, String>> refusals) {
            Map<String, Object> bulk = new LinkedHashMap<>(bulks.get(bulkId));
            @SuppressWarnings("unchecked")
            Map<String, Object> all = new LinkedHashMap<>((Map<String, Object>) bulk.get("counts"));
            for (String status1 : List.of("Pending", "InProgress", "Succeeded", "Failed", "TimeOut", "Cancelled")) {
                all.put(status1, 0);
            }
            all.putAll(counts);
            bulk.put("counts", all);
            bulk.put("status", status);
            if (refusals != null) {
                bulk.put("refusals", refusals);
            }
            bulks.put(bulkId, bulk);
        }

        private HttpServer start() {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                http.createContext("/api/bulkactions", this::handle);
                http.start();
                return http;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/bulkactions")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                JsonNode request = JSON.readTree(body);
                String bulkId = "bulk-" + java.util.UUID.randomUUID();
                int targeted = request.has("MachineIds") ? request.get("MachineIds").size() : 3;
                Map<String, Object> bulk = new LinkedHashMap<>();
                bulk.put("id", bulkId);
                bulk.put("action", request.get("Action").asText());
                bulk.put("isolationType", request.has("IsolationType") ? request.get("IsolationType").asText() : null);
                bulk.put("comment", request.get("Comment").asText());
                bulk.put("filter", request.has("Filter") ? request.get("Filter").asText() : null);
                bulk.put("requestor", "analyst@corp.example");
                bulk.put("creationDateTimeUtc", "2024-01-01T00:00:10Z");
                bulk.put("status", "Dispatching");
                bulk.put("counts", Map.of("targeted", targeted, "accepted", 0, "refused", 0,
                        "refusedByCode", Map.of()));
                bulk.put("refusals", List.of());
                bulk.put("actions", List.of());
                bulks.put(bulkId, bulk);
                Map<String, Object> call = new HashMap<>();
                call.put("body", body);
                call.put("bulkId", bulkId);
                call.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
                posted.add(call);
                exchange.getResponseHeaders().add("Location", "/api/bulkactions/" + bulkId);
                reply(exchange, 202, JSON.writeValueAsString(bulk));
                return;
            }
            Map<String, Object> bulk = bulks.get(path.substring("/api/bulkactions/".length()));
            if (exchange.getRequestMethod().equals("GET") && bulk != null) {
                reply(exchange, 200, JSON.writeValueAsString(bulk));
                return;
            }
            reply(exchange, 404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"No such bulk\"}}");
        }
    }
}
