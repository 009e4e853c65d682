package dev.cordon.standalone.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The launcher's own access token, by the client credentials grant as any client gets one (it reads the device list
 * for the start message like a user would). Fetched again a minute before it expires.
 */
public final class TokenClient {

    /** Cordon's own resource id: the audience asked for. */
    static final String SCOPE = "api://cordon/.default";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenUrl;
    private final ClientCredentials credentials;
    private String token;
    private Instant renewAt = Instant.MIN;

    public TokenClient(String tokenUrl, ClientCredentials credentials) {
        this.tokenUrl = URI.create(tokenUrl);
        this.credentials = credentials;
    }

    /** {@code Authorization}'s value. */
    public synchronized String authorization() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(credentials.clientId()) + "&client_secret="
                + encode(credentials.clientSecret()) + "&scope=" + encode(SCOPE);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(tokenUrl)
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The token service answered " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            token = body.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(300) - 60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
