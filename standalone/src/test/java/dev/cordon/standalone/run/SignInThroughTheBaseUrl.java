package dev.cordon.standalone.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signing in as the dashboard sends them, every request through the launcher's one base URL: the authorize
 * endpoint, the sign-in page and its form, back to the authorize endpoint, the code; then the dashboard's token request
 * with the PKCE verifier. A browser's cookies are kept; redirects are followed one by one, so each is checked.
 */
final class SignInThroughTheBaseUrl {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final String tenant;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    SignInThroughTheBaseUrl(URI base, String tenant) {
        this.base = base;
        this.tenant = tenant;
    }

    /** @return the token response (access, ID and refresh tokens), or an AssertionError saying which step failed */
    JsonNode signIn(String user, String password, String dashboardSecret) throws Exception {
        String verifier = random();
        String redirectUri = base + "/login/oauth2/code/cordon";
        String authorize = base + "/" + tenant + "/oauth2/v2.0/authorize?" + form(Map.of("response_type", "code",
                "client_id", "cordon-dashboard", "redirect_uri", redirectUri,
                "scope", "openid profile api://cordon/user_impersonation", "state", "s", "nonce", "n",
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        String login = expectRedirect(get(authorize), base + "/" + tenant + "/login");
        HttpResponse<String> page = get(login);
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !page.body().contains("id=\"username\"") || !csrf.find()) {
            throw new AssertionError("No sign-in page at " + login + ": " + page.statusCode() + " " + page.body());
        }
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(login))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "_csrf", csrf.group(1))))).build(), HttpResponse.BodyHandlers.ofString());
        String back = expectRedirect(posted, base + "/" + tenant + "/oauth2/v2.0/authorize?");
        String callback = expectRedirect(get(back), redirectUri + "?");
        String code = query(callback).get("code");
        String basic = Base64.getEncoder().encodeToString(("cordon-dashboard:" + dashboardSecret)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokens = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/"
                        + tenant + "/oauth2/v2.0/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", redirectUri, "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            throw new AssertionError("The token request was refused: " + tokens.statusCode() + " " + tokens.body());
        }
        return JSON.readTree(tokens.body());
    }

    /** A token's claims, unverified: the services verify them; this is to read what it says. */
    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String expectRedirect(HttpResponse<String> response, String prefix) {
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.startsWith(prefix)) {
            throw new AssertionError("Expected a redirect to " + prefix + " from " + response.uri() + ", got "
                    + response.statusCode() + " " + location + " " + response.body());
        }
        return location;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
