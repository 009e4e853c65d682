package dev.cordon.benchmark.load;

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
import java.util.concurrent.CompletableFuture;

/** The calls the benchmark makes through the one base URL, as any API client would make them. */
public final class CordonApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISOLATE = "{\"Comment\":\"Cordon benchmark\",\"IsolationType\":\"Full\"}";

    private final HttpClient http;
    private final URI base;
    private final String token;

    private CordonApi(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** With a client-credentials token of the given client, as the start message shows how to fetch one. */
    public static CordonApi signIn(URI base, URI tokenUrl, String clientId, String clientSecret) {
        // HTTP/1.1: one request per connection at a time, so "64 connections" means 64 concurrent requests.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return new CordonApi(http, base, token(http, tokenUrl, clientId, clientSecret));
    }

    /** Another client's calls (a device agent's) on this one's connections. */
    public CordonApi signInAs(URI tokenUrl, String clientId, String clientSecret) {
        return new CordonApi(http, base, token(http, tokenUrl, clientId, clientSecret));
    }

    private static String token(HttpClient http, URI tokenUrl, String clientId, String clientSecret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&scope=" + encode("api://cordon/.default");
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("No token (" + answer.statusCode() + "): " + answer.body());
            }
            return JSON.readTree(answer.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the HTTP status: 201 registered */
    public int register(String machineId) {
        String body = "{\"computerDnsName\":\"" + machineId + ".bench.example\",\"osPlatform\":\"Windows11\"}";
        return send(request("/api/machines/" + machineId).PUT(HttpRequest.BodyPublishers.ofString(body)).build())
                .statusCode();
    }

    public HttpResponse<String> isolate(String machineId) {
        return send(isolateRequest(machineId));
    }

    public CompletableFuture<HttpResponse<String>> isolateAsync(String machineId) {
        return http.sendAsync(isolateRequest(machineId), HttpResponse.BodyHandlers.ofString());
    }

    /** Any call, as a client sends it: {@code body} null for none. */
    public HttpResponse<String> call(String method, String path, String body) {
        return send(request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The action id of a 201's body. */
    public static String actionId(HttpResponse<String> created) {
        try {
            JsonNode body = JSON.readTree(created.body());
            return body.get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any call with this client's token, for phases of their own (a rebuild on the query side's own port). */
    public HttpResponse<String> send(String method, String path, String json) {
        return send(request(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpClient http() {
        return http;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private HttpRequest isolateRequest(String machineId) {
        return request("/api/machines/" + machineId + "/isolate").POST(HttpRequest.BodyPublishers.ofString(ISOLATE))
                .build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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
