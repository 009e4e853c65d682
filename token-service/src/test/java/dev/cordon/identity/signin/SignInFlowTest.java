package dev.cordon.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.users.UserRegistry;
import dev.cordon.service.security.CordonRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A person signs in as the dashboard makes them: the authorization code flow with PKCE, against the real token service
 * on a real port, driven over HTTP as a browser would (cookies, the sign-in form and its CSRF token, redirects).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "7d3c2a10-0b4e-4f7e-9d51-3a1f0c2b9e11";
    private static final int PORT = freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String REDIRECT_URI = BASE + "/login/oauth2/code/cordon";
    private static final String AUTHORIZE = BASE + "/" + TENANT + "/oauth2/v2.0/authorize";
    private static final String LOGIN = BASE + "/" + TENANT + "/login";
    private static final Path DIRECTORY = temporaryDirectory();
    private static final String DASHBOARD_SECRET = new ClientRegistry(DIRECTORY, Clock.systemUTC())
            .add("cordon-dashboard", "Cordon dashboard", List.of(), List.of(), null).clientSecret();
    private static final UserRegistry USERS = new UserRegistry(DIRECTORY, Clock.systemUTC());
    private static final String ALICE_PASSWORD = USERS.add("alice", CordonRole.RESPONDER, List.of("Servers"), null)
            .password();

    private final HttpClient http = HttpClient.newHttpClient();
    private final SecureRandom random = new SecureRandom();

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("cordon.identity.directory", DIRECTORY::toString);
        registry.add("cordon.identity.tenant-id", () -> TENANT);
        registry.add("cordon.identity.public-base-url", () -> BASE);
    }

    @Test
    void authorizationCodeWithPkce_signsThePersonIn_andIssuesTheirAccessAndIdTokens() throws Exception {
        Browser browser = new Browser();
        String verifier = verifier();

        HttpResponse<String> authorize = browser.get(authorizeUrl(verifier, "state-1"));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(Browser.location(authorize)).isEqualTo(LOGIN);
        assertThat(authorize.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("CORDON_SIGNIN=").contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure"));

        HttpResponse<String> login = browser.get(LOGIN);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"username\"", "id=\"password\"", "id=\"sign-in\"")
                .doesNotContain("<script", "http://", "https://");
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .startsWith("default-src 'none'").contains("form-action 'self'").doesNotContain("unsafe");

        HttpResponse<String> signedIn = browser.signIn(login, "alice", ALICE_PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedIn)).startsWith(AUTHORIZE + "?");

        HttpResponse<String> back = browser.get(Browser.location(signedIn));
        assertThat(back.statusCode()).isEqualTo(302);
        Map<String, String> answer = query(Browser.location(back));
        assertThat(Browser.location(back)).startsWith(REDIRECT_URI + "?");
        assertThat(answer).containsEntry("state", "state-1").containsKey("code");

        JsonNode tokens = token(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        assertThat(tokens.get("expires_in").asLong()).isBetween(590L, 600L);
        assertThat(tokens.get("refresh_token").asText()).isNotBlank();
        JWTClaimsSet access = verified(tokens.get("access_token").asText());
        assertThat(access.getAudience()).containsExactly("api://cordon");
        assertThat(access.getIssuer()).isEqualTo(BASE + "/" + TENANT + "/v2.0");
        assertThat(access.getStringClaim("scp")).isEqualTo("Machine.Isolate Machine.Read.All");
        assertThat(access.getStringListClaim("roles")).containsExactly("Cordon.Responder");
        assertThat(access.getStringListClaim("cordon_device_groups")).containsExactly("Servers");
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("alice");
        assertThat(access.getStringClaim("upn")).isEqualTo("alice");
        assertThat(access.getStringClaim("name")).isEqualTo("alice");
        assertThat(access.getStringClaim("azp")).isEqualTo("cordon-dashboard");
        assertThat(access.getStringClaim("appid")).isEqualTo("cordon-dashboard");
        assertThat(access.getStringClaim("tid")).isEqualTo(TENANT);
        assertThat(access.getClaim("scope")).isNull();
        JWTClaimsSet id = verified(tokens.get("id_token").asText());
        assertThat(id.getAudience()).containsExactly("cordon-dashboard");
        assertThat(id.getStringClaim("preferred_username")).isEqualTo("alice");
        assertThat(id.getStringClaim("name")).isEqualTo("alice");

        // The dashboard renews without the person; the refresh token is replaced at each use.
        JsonNode renewed = token(Map.of("grant_type", "refresh_token", "refresh_token",
                tokens.get("refresh_token").asText()));
        assertThat(verified(renewed.get("access_token").asText()).getStringClaim("scp"))
                .isEqualTo("Machine.Isolate Machine.Read.All");
        assertThat(renewed.get("refresh_token").asText()).isNotEqualTo(tokens.get("refresh_token").asText());
    }

    @Test
    void anAuthorizeRequestWithoutCodeChallenge_isRefused() throws Exception {
        String url = authorizeUrl(null, "state-2");
        assertThat(url).doesNotContain("code_challenge");

        HttpResponse<String> refused = new Browser().get(url);

        assertThat(refused.statusCode()).isEqualTo(302);
        Map<String, String> answer = query(Browser.location(refused));
        assertThat(answer).containsEntry("error", "invalid_request").doesNotContainKey("code");
        assertThat(answer.get("error_description")).contains("code_challenge");
    }

    @Test
    void aWrongPassword_andAnUnknownName_areRefusedWithTheSameSentence() throws Exception {
        Browser browser = new Browser();
        browser.get(authorizeUrl(verifier(), "state-3"));

        HttpResponse<String> wrongPassword = browser.signIn(browser.get(LOGIN), "alice", "not-the-password");
        assertThat(Browser.location(wrongPassword)).isEqualTo(LOGIN + "?error");
        HttpResponse<String> page = browser.get(Browser.location(wrongPassword));
        assertThat(page.body()).contains("The user name or password is not correct.");
        HttpResponse<String> unknown = browser.signIn(page, "mallory", "not-the-password");
        assertThat(Browser.location(unknown)).isEqualTo(LOGIN + "?error");
        assertThat(browser.get(Browser.location(unknown)).body()).contains("The user name or password is not correct.");
    }

    @Test
    void fiveWrongPasswordsForOneName_lockItForAWhile_evenForTheRightPassword_otherNamesGoOn() throws Exception {
        String password = USERS.add("dave", CordonRole.VIEWER, List.of(), null).password();
        Browser browser = new Browser();
        browser.get(authorizeUrl(verifier(), "state-10"));
        for (int i = 0; i < 5; i++) {
            assertThat(Browser.location(browser.signIn(browser.get(LOGIN), "dave", "wrong-" + i)))
                    .isEqualTo(LOGIN + "?error");
        }

        HttpResponse<String> locked = browser.signIn(browser.get(LOGIN), "Dave", password);

        assertThat(Browser.location(locked)).as("the same answer as a wrong password").isEqualTo(LOGIN + "?error");
        Browser alice = new Browser();
        alice.get(authorizeUrl(verifier(), "state-11"));
        assertThat(Browser.location(alice.signIn(alice.get(LOGIN), "alice", ALICE_PASSWORD))).startsWith(AUTHORIZE);
    }

    @Test
    void theFormWithoutItsCsrfToken_isRefused() throws Exception {
        Browser browser = new Browser();
        browser.get(authorizeUrl(verifier(), "state-4"));
        browser.get(LOGIN);

        HttpResponse<String> forged = browser.postForm(LOGIN, Map.of("username", "alice", "password",
                ALICE_PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aRemovedUser_cannotSignIn_andGetsNoMoreTokens() throws Exception {
        String password = USERS.add("bob", CordonRole.VIEWER, List.of(), null).password();
        Browser browser = new Browser();
        String verifier = verifier();
        browser.get(authorizeUrl(verifier, "state-5"));
        HttpResponse<String> signedIn = browser.signIn(browser.get(LOGIN), "bob", password);
        Map<String, String> answer = query(Browser.location(browser.get(Browser.location(signedIn))));
        JsonNode tokens = token(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        assertThat(verified(tokens.get("access_token").asText()).getStringClaim("scp")).isEqualTo("Machine.Read.All");

        USERS.remove("bob");

        HttpResponse<String> refresh = tokenResponse(Map.of("grant_type", "refresh_token", "refresh_token",
                tokens.get("refresh_token").asText()));
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");
        Browser another = new Browser();
        another.get(authorizeUrl(verifier(), "state-6"));
        HttpResponse<String> refused = another.signIn(another.get(LOGIN), "bob", password);
        assertThat(Browser.location(refused)).isEqualTo(LOGIN + "?error");
    }

    @Test
    void logout_endsTheSignInSession_soTheNextAuthorizeShowsTheSignInPageAgain() throws Exception {
        Browser browser = new Browser();
        String verifier = verifier();
        browser.get(authorizeUrl(verifier, "state-7"));
        HttpResponse<String> signedIn = browser.signIn(browser.get(LOGIN), "alice", ALICE_PASSWORD);
        Map<String, String> answer = query(Browser.location(browser.get(Browser.location(signedIn))));
        JsonNode tokens = token(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        // Signed in: a second authorization request is answered with a code at once.
        assertThat(Browser.location(browser.get(authorizeUrl(verifier(), "state-8")))).startsWith(REDIRECT_URI);

        HttpResponse<String> logout = browser.get(BASE + "/" + TENANT + "/oauth2/v2.0/logout?id_token_hint="
                + tokens.get("id_token").asText() + "&post_logout_redirect_uri=" + Browser.encode(BASE + "/")
                + "&state=bye");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(Browser.location(logout)).isEqualTo(BASE + "/?state=bye");
        assertThat(Browser.location(browser.get(authorizeUrl(verifier(), "state-9")))).isEqualTo(LOGIN);
    }

    @Test
    void theDiscoveryDocument_namesTheSignInEndpointsAtTheirPublicUrls() throws Exception {
        JsonNode discovery = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(BASE + "/" + TENANT
                + "/v2.0/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());

        assertThat(discovery.get("authorization_endpoint").asText()).isEqualTo(AUTHORIZE);
        assertThat(discovery.get("end_session_endpoint").asText())
                .isEqualTo(BASE + "/" + TENANT + "/oauth2/v2.0/logout");
        assertThat(discovery.get("token_endpoint").asText()).isEqualTo(BASE + "/" + TENANT + "/oauth2/v2.0/token");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    /** @param verifier null: an authorization request without PKCE */
    private String authorizeUrl(String verifier, String state) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("response_type", "code",
                "client_id", "cordon-dashboard", "redirect_uri", REDIRECT_URI,
                "scope", "openid profile api://cordon/user_impersonation", "state", state, "nonce", "n-" + state));
        if (verifier != null) {
            parameters.put("code_challenge", challenge(verifier));
            parameters.put("code_challenge_method", "S256");
        }
        return AUTHORIZE + "?" + Browser.form(parameters);
    }

    private JsonNode token(Map<String, String> form) throws Exception {
        HttpResponse<String> response = tokenResponse(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> tokenResponse(Map<String, String> form) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("cordon-dashboard:" + DASHBOARD_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(BASE + "/" + TENANT + "/oauth2/v2.0/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet keys = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(BASE + "/" + TENANT
                + "/discovery/v2.0/keys")).build(), HttpResponse.BodyHandlers.ofString()).body());
        RSAKey key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(url).build(true).getQueryParams().forEach((name, list) ->
                values.put(name, URLDecoder.decode(list.get(0), StandardCharsets.UTF_8)));
        return values;
    }

    private String verifier() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("cordon-signin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
