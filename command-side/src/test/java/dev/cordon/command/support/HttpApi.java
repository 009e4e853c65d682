package dev.cordon.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP against a running Cordon, the way an automation client calls it. */
public final class HttpApi {

    public record Response(int status, JsonNode body, String raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public HttpApi(String base) {
        this.base = base;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** @param headers names and values, alternating */
    public Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** The answer's headers too, for the few tests about them. */
    public HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** A GET whose body is not JSON (e.g. the Prometheus text format): status and raw text only. */
    public Response getText(String path) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), null, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response register(String id, String name, String platform, String build) {
        return put("/api/machines/" + id, "{\"computerDnsName\":\"" + name + "\",\"osPlatform\":\"" + platform
                + "\",\"osBuild\":" + (build == null ? "null" : "\"" + build + "\"") + ",\"version\":\"22H2\"}");
    }

    public Response isolate(String id, String type) {
        return post("/api/machines/" + id + "/isolate",
                "{\"Comment\":\"Suspected ransomware\",\"IsolationType\":\"" + type + "\"}");
    }

    public Response release(String id) {
        return post("/api/machines/" + id + "/unisolate", "{\"Comment\":\"Cleaned, reconnecting\"}");
    }

    public Response report(String actionId, String status) {
        return post("/api/agent/machineactions/" + actionId + "/status", "{\"status\":\"" + status + "\"}");
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
