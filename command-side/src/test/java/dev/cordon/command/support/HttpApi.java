package dev.cordon.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.service.routing.ApiVersions;
import dev.cordon.service.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP against a running Cordon, the way an automation client calls it: with a bearer token from the tests'
 * issuer ({@link TestIssuer#testClient()} unless told otherwise; a request that sets its own {@code Authorization}
 * keeps it). An agent's poll goes with its machine's agent token, and a report (by {@link #report} or a plain post)
 * with the token of the agent of the action's machine, which it knows from the isolate and release answers it saw.
 */
public final class HttpApi {

    public record Response(int status, JsonNode body, String raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The machine of each action an answer named, for the agent's report on it. */
    private static final Map<String, String> MACHINE_OF_ACTION = new ConcurrentHashMap<>();
    /** An agent polls with its own machine's token. */
    private static final Pattern AGENT_POLL = Pattern.compile("/api/agent/machines/([^/]+)/pendingactions");
    private static final Pattern AGENT_REPORT = Pattern.compile("/api/agent/machineactions/([^/]+)/status");
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String token;
    /** The tests' usual caller, who polls as each machine's agent; a token given with {@link #as} is used as it is. */
    private final boolean usual;

    public HttpApi(String base) {
        this(base, TestIssuer.get().testClient(), true);
    }

    private HttpApi(String base, String token, boolean usual) {
        this.base = base;
        this.token = token;
        this.usual = usual;
    }

    /** The same API called with another token, on every request; null: with none. */
    public HttpApi as(String otherToken) {
        return new HttpApi(base, otherToken, false);
    }

    /** The token of the agent of the machine this action is for (one of those this class saw created). */
    public static String agentTokenFor(String actionId) {
        String machine = MACHINE_OF_ACTION.get(actionId.toLowerCase(Locale.ROOT));
        if (machine == null) {
            throw new IllegalStateException("Action " + actionId + " was not created through HttpApi");
        }
        return TestIssuer.get().agent(machine);
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
            return client.send(authorized(request.build()), HttpResponse.BodyHandlers.ofString());
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
            HttpResponse<String> r = client.send(authorized(HttpRequest.newBuilder(URI.create(base + path)).GET()
                    .build()), HttpResponse.BodyHandlers.ofString());
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
        return post("/api/agent/machineactions/" + actionId + "/status", "{\"status\":\"" + status + "\"}",
                "Authorization", "Bearer " + agentTokenFor(actionId));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(authorized(request.build()), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            remember(body);
            return new Response(r.statusCode(), body, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest authorized(HttpRequest request) {
        if (token == null || request.headers().firstValue("Authorization").isPresent()) {
            return request;
        }
        String bearer = token;
        // The versioned path is the same endpoint (ApiVersions), so its agent calls go with the same token.
        String path = ApiVersions.unversioned(request.uri().getPath());
        Matcher poll = AGENT_POLL.matcher(path);
        Matcher report = AGENT_REPORT.matcher(path);
        if (usual && poll.matches()) {
            bearer = TestIssuer.get().agent(poll.group(1));
        } else if (usual && report.matches()
                && MACHINE_OF_ACTION.containsKey(report.group(1).toLowerCase(Locale.ROOT))) {
            bearer = agentTokenFor(report.group(1));
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + bearer)
                .build();
    }

    private static void remember(JsonNode body) {
        if (body != null && body.hasNonNull("id") && body.hasNonNull("machineId") && body.hasNonNull("type")) {
            MACHINE_OF_ACTION.putIfAbsent(body.get("id").asText().toLowerCase(Locale.ROOT), body.get("machineId").asText());
        }
    }
}
