package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's sign-in as a browser goes through it, against a small fake identity provider (its token endpoint;
 * the tokens are TestIssuer's, so the API trusts them) and a stub command side that records what is relayed to it.
 */
class DashboardSignInIT extends IntegrationTestSupport {

    private static final Duration IDLE = Duration.ofSeconds(4);
    private static final Duration ABSOLUTE = Duration.ofSeconds(10);
    private static final String CLIENT_ID = "cordon-dashboard";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final FakeProvider PROVIDER = new FakeProvider();
    private static final StubCommandSide COMMAND_SIDE = new StubCommandSide();

    @DynamicPropertySource
    static void signIn(DynamicPropertyRegistry registry) {
        registry.add("cordon.dashboard.sign-in.client-id", () -> CLIENT_ID);
        registry.add("cordon.dashboard.sign-in.client-secret", () -> "dashboard-secret");
        registry.add("cordon.dashboard.sign-in.authorization-uri", () -> PROVIDER.base() + "/authorize");
        registry.add("cordon.dashboard.sign-in.token-uri", () -> PROVIDER.base() + "/token");
        registry.add("cordon.dashboard.sign-in.end-session-uri", () -> PROVIDER.base() + "/logout");
        registry.add("cordon.dashboard.command-side-url", COMMAND_SIDE::base);
        registry.add("cordon.dashboard.session.idle-timeout", IDLE::toString);
        registry.add("cordon.dashboard.session.absolute-timeout", ABSOLUTE::toString);
        // A second app context beside the shared one, on a PostgreSQL others use too: a handful of connections.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    @AfterAll
    static void stop() {
        PROVIDER.server.stop(0);
        COMMAND_SIDE.server.stop(0);
    }

    @BeforeEach
    void reset() {
        COMMAND_SIDE.received.clear();
    }

    @Test
    void signedOut_aPageRedirectsToSignIn_andTheDashboardsCallsAre401() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/devices/some-device");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/cordon");

        for (String path : new String[] {"/dashboard/session", "/dashboard/api/machines"}) {
            HttpResponse<String> call = browser.get(path);
            assertThat(call.statusCode()).as(path).isEqualTo(401);
            assertThat(JSON.readTree(call.body()).at("/error/code").asText()).as(path).isEqualTo("Unauthorized");
        }
    }

    @Test
    void signIn_usesPkce_setsAnHttpOnlyLaxCookie_andTheSessionShowsTheUsersRoleAndGroups() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> back = browser.signIn(PROVIDER.responder());
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/devices");
        assertThat(browser.lastAuthorizeQuery).containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge").containsEntry("client_id", CLIENT_ID);
        assertThat(PROVIDER.lastTokenRequest).containsKey("code_verifier");
        String cookie = back.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CORDON_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> session = browser.get("/dashboard/session");
        assertThat(session.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(session.body());
        assertThat(body.get("userName").asText()).isEqualTo("analyst");
        assertThat(body.get("roles").toString()).isEqualTo("[\"Responder\"]");
        assertThat(body.get("permissions").toString()).contains("Machine.Isolate", "Machine.Read.All");
        assertThat(body.get("deviceGroups").toString()).isEqualTo("[\"Servers\"]");
        assertThat(body.at("/csrf/headerName").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(body.at("/csrf/token").asText()).isNotBlank();
        assertThat(session.body()).doesNotContain(PROVIDER.lastAccessToken);

        HttpResponse<String> page = browser.get("/devices");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "form-action 'none'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void anExpiredAccessToken_isRefreshed_andOneThatCannotBe_signsTheAnalystOut() throws Exception {
        Browser browser = new Browser();
        PROVIDER.expiresIn = 30; // within Spring's minute of clock skew: expired at once
        try {
            browser.signIn(PROVIDER.responder());
            int refreshes = PROVIDER.refreshes.get();
            assertThat(browser.get("/dashboard/api/machines").statusCode()).isEqualTo(200);
            assertThat(PROVIDER.refreshes.get()).isEqualTo(refreshes + 1);
            assertThat(PROVIDER.lastTokenRequest).containsEntry("grant_type", "refresh_token");

            PROVIDER.refusesRefresh = true;
            assertThat(browser.get("/dashboard/api/machines").statusCode()).isEqualTo(401);
            assertThat(browser.get("/dashboard/session").statusCode()).isEqualTo(401);
        } finally {
            PROVIDER.expiresIn = 3600;
            PROVIDER.refusesRefresh = false;
        }
    }

    @Test
    void aCrossOriginPost_changesNothing() throws Exception {
        Browser browser = new Browser();
        browser.signIn(PROVIDER.responder());
        // What another site's form sends: its origin, a simple content type, the cookie (SameSite=Lax aside).
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri(
                        "/dashboard/api/machines/dev-3/isolate")).header("Origin", "https://attacker.example")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"x\"}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(COMMAND_SIDE.received).isEmpty();
    }

    /**
     * Every state-changing call the command side has, posted as another site's form can post it (form-encoded or
     * text/plain, its Origin, the analyst's cookie): through the dashboard's door and to the API itself. Nothing
     * reaches the command side, which is the only place anything is stored.
     */
    @Test
    void crossSiteForms_toEveryStateChangingEndpoint_areRefused_andNothingReachesTheCommandSide() throws Exception {
        Browser browser = new Browser();
        browser.signIn(PROVIDER.responder());
        String[][] writes = {
                {"POST", "/api/machines/dev-3/isolate"}, {"POST", "/api/machines/dev-3/unisolate"},
                {"POST", "/api/machineactions/a-1/cancel"}, {"POST", "/api/machines/dev-3/tags"},
                {"PUT", "/api/machines/dev-3"}, {"POST", "/api/v1.0/machines/dev-3/isolate"}};
        for (String[] write : writes) {
            for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain"}) {
                for (String origin : new String[] {"https://attacker.example", null}) {
                    for (String path : new String[] {"/dashboard" + write[1], write[1]}) {
                        HttpRequest.Builder forged = HttpRequest.newBuilder(browser.uri(path))
                                .header("Content-Type", type)
                                .method(write[0], HttpRequest.BodyPublishers.ofString("Comment=x&IsolationType=Full"));
                        if (origin != null) {
                            forged.header("Origin", origin);
                        }
                        HttpResponse<String> answer = browser.send(forged);
                        assertThat(answer.statusCode()).as("%s %s %s from %s", write[0], path, type, origin)
                                .isIn(401, 403, 415);
                    }
                }
            }
        }
        assertThat(COMMAND_SIDE.received).isEmpty();
        // And the session is still the analyst's: the refusals signed nobody out.
        assertThat(browser.get("/dashboard/session").statusCode()).isEqualTo(200);
    }

    @Test
    void aRead_isServedInProcess_withTheSessionsToken_butTheApiItselfIgnoresTheCookie() throws Exception {
        Browser browser = new Browser();
        browser.signIn(PROVIDER.responder());

        HttpResponse<String> machines = browser.get("/dashboard/api/machines");
        assertThat(machines.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(machines.body()).has("value")).isTrue();
        // The session keeps its id: a page's calls in flight together all carry the same cookie.
        assertThat(machines.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> missing = browser.get("/dashboard/api/machines/no-such-device");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("ResourceNotFound");

        HttpResponse<String> api = browser.get("/api/machines");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(COMMAND_SIDE.received).isEmpty();
    }

    @Test
    void theChangeStream_isServedThroughTheDashboardsDoor_withTheSession() throws Exception {
        Browser browser = new Browser();
        browser.signIn(PROVIDER.responder());
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.uri("/dashboard/api/changes"))
                .header("Accept", "text/event-stream").header("Cookie", "CORDON_SESSION=" + browser.cookie).GET();
        HttpResponse<java.io.InputStream> stream = browser.http.send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith("event:"));
            assertThat(line).isEqualTo("event: ready");
        }
    }

    @Test
    void aViewer_seesTheirRole_andNoIsolatePermission() throws Exception {
        Browser browser = new Browser();
        browser.signIn(TestIssuer.get().user("viewer", CordonRole.VIEWER, null, "Machine.Read.All",
                "Machine.Isolate"));
        JsonNode body = JSON.readTree(browser.get("/dashboard/session").body());
        assertThat(body.get("roles").toString()).isEqualTo("[\"Viewer\"]");
        // The scope alone grants nothing: a person may do what the scope and the role both allow.
        assertThat(body.get("permissions").toString()).isEqualTo("[\"Machine.Read.All\"]");
        assertThat(body.get("deviceGroups").isNull()).isTrue();
    }

    @Test
    void aWrite_isRelayedToTheCommandSide_withTheBearerToken_andItsAnswerPassedBack() throws Exception {
        Browser browser = new Browser();
        browser.signIn(PROVIDER.responder());
        String csrf = JSON.readTree(browser.get("/dashboard/session").body()).at("/csrf/token").asText();

        HttpResponse<String> isolated = browser.send(HttpRequest.newBuilder(browser.uri(
                        "/dashboard/api/machines/dev-1/isolate")).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-1")
                .header("X-Request-ID", "req-relay-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"c\",\"IsolationType\":\"Full\"}")));
        assertThat(isolated.statusCode()).isEqualTo(201);
        assertThat(isolated.headers().firstValue("Location")).hasValue("http://cordon.test/api/machineactions/a-1");
        assertThat(isolated.body()).isEqualTo(StubCommandSide.ANSWER);
        assertThat(COMMAND_SIDE.received).hasSize(1);
        Map<String, String> relayed = COMMAND_SIDE.received.get(0);
        assertThat(relayed).containsEntry("method", "POST").containsEntry("path", "/api/machines/dev-1/isolate")
                .containsEntry("authorization", "Bearer " + PROVIDER.lastAccessToken)
                .containsEntry("idempotency-key", "key-1").containsEntry("x-request-id", "req-relay-1")
                .containsEntry("body", "{\"Comment\":\"c\",\"IsolationType\":\"Full\"}");
        assertThat(relayed.get("cookie")).isNull();
    }

    @Test
    void aWrite_withoutTheCsrfToken_is403_andOneThatIsNotJson_is415_andNeitherIsRelayed() throws Exception {
        Browser browser = new Browser();
        browser.signIn(PROVIDER.responder());
        String csrf = JSON.readTree(browser.get("/dashboard/session").body()).at("/csrf/token").asText();
        String path = "/dashboard/api/machines/dev-2/isolate";

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"Forbidden\"");
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded"}) {
            HttpResponse<String> notJson = browser.send(HttpRequest.newBuilder(browser.uri(path))
                    .header("X-CSRF-TOKEN", csrf).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"c\"}")));
            assertThat(notJson.statusCode()).as(type).isEqualTo(415);
            assertThat(notJson.body()).as(type).contains("\"UnsupportedMediaType\"");
        }
        assertThat(COMMAND_SIDE.received).isEmpty();
    }

    @Test
    void theSession_endsAfterTheIdleTimeout() throws Exception {
        Browser browser = new Browser();
        browser.signIn(PROVIDER.responder());
        assertThat(browser.get("/dashboard/session").statusCode()).isEqualTo(200);
        Thread.sleep(IDLE.plusMillis(1500).toMillis());
        assertThat(browser.get("/dashboard/session").statusCode()).isEqualTo(401);
    }

    @Test
    void theSession_endsAfterTheAbsoluteTimeout_howeverBusy() throws Exception {
        Browser browser = new Browser();
        Instant start = Instant.now();
        browser.signIn(PROVIDER.responder());
        while (Instant.now().isBefore(start.plus(ABSOLUTE).minusSeconds(2))) {
            assertThat(browser.get("/dashboard/session").statusCode()).isEqualTo(200);
            Thread.sleep(1000);
        }
        Thread.sleep(3000);
        assertThat(browser.get("/dashboard/session").statusCode()).isEqualTo(401);
    }

    @Test
    void signOut_endsTheSession_andSendsTheBrowserToTheProvidersEndSession() throws Exception {
        Browser browser = new Browser();
        browser.signIn(PROVIDER.responder());
        String before = browser.cookie;
        String csrf = JSON.readTree(browser.get("/dashboard/session").body()).at("/csrf/token").asText();

        HttpResponse<String> withoutToken = browser.send(HttpRequest.newBuilder(browser.uri("/dashboard/sign-out"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/dashboard/session").statusCode()).isEqualTo(200);

        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(browser.uri("/dashboard/sign-out"))
                .header("X-CSRF-TOKEN", csrf).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(out.statusCode()).isEqualTo(200);
        String location = JSON.readTree(out.body()).get("location").asText();
        assertThat(location).startsWith(PROVIDER.base() + "/logout?").contains("id_token_hint=")
                .contains("post_logout_redirect_uri=");
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("CORDON_SESSION=;")
                && c.contains("Max-Age=0"));

        browser.cookie = before; // a copy of the cookie taken before signing out is worth nothing
        assertThat(browser.get("/dashboard/session").statusCode()).isEqualTo(401);
        assertThat(browser.get("/dashboard/api/machines").statusCode()).isEqualTo(401);
    }

    /** Follows no redirect itself, and keeps the session cookie as a browser would. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie;
        Map<String, String> lastAuthorizeQuery;

        URI uri(String path) {
            return URI.create(baseUrl() + path);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (cookie != null) {
                request.header("Cookie", "CORDON_SESSION=" + cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                if (set.startsWith("CORDON_SESSION=")) {
                    String value = set.substring("CORDON_SESSION=".length(), set.indexOf(';'));
                    cookie = value.isEmpty() ? null : value;
                }
            }
            return response;
        }

        /** The authorization code flow, with the provider's login step done by the fake provider at once. */
        HttpResponse<String> signIn(String accessToken) throws IOException, InterruptedException {
            assertThat(get("/devices").statusCode()).isEqualTo(302);
            HttpResponse<String> toProvider = get("/oauth2/authorization/cordon");
            assertThat(toProvider.statusCode()).isEqualTo(302);
            URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
            assertThat(authorize.toString()).startsWith(PROVIDER.base() + "/authorize?");
            lastAuthorizeQuery = query(authorize.getRawQuery());
            String code = PROVIDER.issueCode(lastAuthorizeQuery.get("nonce"), accessToken);
            HttpResponse<String> back = get("/login/oauth2/code/cordon?code=" + code + "&state="
                    + java.net.URLEncoder.encode(lastAuthorizeQuery.get("state"), StandardCharsets.UTF_8));
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            return back;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** The provider's token endpoint: redeems the codes it was told of, with TestIssuer's tokens. */
    private static final class FakeProvider {

        final HttpServer server = start();
        final Map<String, String[]> codes = new ConcurrentHashMap<>();
        volatile Map<String, String> lastTokenRequest = Map.of();
        volatile String lastAccessToken;
        volatile int expiresIn = 3600;
        volatile boolean refusesRefresh;
        final java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();
        final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String responder() {
            return TestIssuer.get().user("analyst", CordonRole.RESPONDER, List.of("Servers"), "Machine.Read.All",
                    "Machine.Isolate");
        }

        String issueCode(String nonce, String accessToken) {
            String code = "code-" + java.util.UUID.randomUUID();
            codes.put(code, new String[] {nonce, accessToken});
            return code;
        }

        private HttpServer start() {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                http.createContext("/token", this::token);
                http.start();
                return http;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            lastTokenRequest = form;
            if ("refresh_token".equals(form.get("grant_type"))) {
                String holder = refreshTokens.get(form.getOrDefault("refresh_token", ""));
                if (holder == null || refusesRefresh) {
                    reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
                    return;
                }
                refreshes.incrementAndGet();
                lastAccessToken = responder();
                reply(exchange, 200, JSON.writeValueAsString(Map.of("access_token", lastAccessToken,
                        "token_type", "Bearer", "expires_in", expiresIn)));
                return;
            }
            String[] issued = codes.remove(form.getOrDefault("code", ""));
            if (issued == null || !"authorization_code".equals(form.get("grant_type"))) {
                reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            lastAccessToken = issued[1];
            String idToken = TestIssuer.get().token(claims -> claims.audience(CLIENT_ID).subject("analyst-subject")
                    .claim("nonce", issued[0]).claim("preferred_username", "analyst"));
            String refreshToken = "refresh-" + java.util.UUID.randomUUID();
            refreshTokens.put(refreshToken, "analyst");
            reply(exchange, 200, JSON.writeValueAsString(Map.of("access_token", issued[1], "token_type", "Bearer",
                    "expires_in", expiresIn, "refresh_token", refreshToken,
                    "id_token", idToken, "scope", "openid profile api://cordon/user_impersonation")));
        }
    }

    /** Records each call and answers as the command side answers an accepted command. */
    private static final class StubCommandSide {

        static final String ANSWER = "{\"id\":\"a-1\",\"type\":\"Isolate\",\"status\":\"Pending\"}";
        final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        final HttpServer server = start();

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private HttpServer start() {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                http.createContext("/", exchange -> {
                    Map<String, String> call = new HashMap<>();
                    call.put("method", exchange.getRequestMethod());
                    call.put("path", exchange.getRequestURI().getRawPath());
                    for (String name : List.of("Authorization", "Idempotency-Key", "X-Request-ID", "Cookie",
                            "Content-Type")) {
                        String value = exchange.getRequestHeaders().getFirst(name);
                        if (value != null) {
                            call.put(name.toLowerCase(java.util.Locale.ROOT), value);
                        }
                    }
                    call.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    received.add(call);
                    exchange.getResponseHeaders().add("Location", "http://cordon.test/api/machineactions/a-1");
                    reply(exchange, 201, ANSWER);
                });
                http.start();
                return http;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
