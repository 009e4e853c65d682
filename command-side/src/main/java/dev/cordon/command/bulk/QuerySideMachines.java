package dev.cordon.command.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves a bulk's Filter by the query side's own {@code GET /api/machines?$filter=...}, with the caller's bearer
 * token: the grammar, the whitelist and the caller's device scope are exactly the list's (decision 0017). Ids only,
 * page by page in the list's order (by id). An invalid filter is the query side's 400, passed on; a query side that
 * does not answer is a 503 with Retry-After, as for any dependency away.
 */
@Component
class QuerySideMachines {

    static final int PAGE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(QuerySideMachines.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuerySideProperties properties;
    private final HttpClient client;

    QuerySideMachines(QuerySideProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param authorization the caller's own {@code Authorization} header, sent on as it came
     * @param requestId     this request's id, sent as {@code X-Request-ID} so that both sides' logs name one request
     * @return the matching devices' ids, at most {@code max}
     * @throws ApiException InvalidInput when more than {@code max} match, or none
     */
    List<String> idsMatching(String filter, String authorization, String requestId, int max) {
        List<String> ids = new ArrayList<>();
        for (int skip = 0; ; skip += PAGE) {
            JsonNode page = page(filter, authorization, requestId, skip);
            JsonNode value = page.path("value");
            value.forEach(machine -> ids.add(machine.path("id").asText()));
            if (ids.size() > max) {
                throw new ApiException(ErrorCode.InvalidInput, "Filter matches more than " + max
                        + " devices, the most one bulk action takes: narrow it, or send several bulk actions.");
            }
            if (value.size() < PAGE) {
                break;
            }
        }
        if (ids.isEmpty()) {
            throw new ApiException(ErrorCode.InvalidInput, "Filter matches no device: a bulk action needs at least"
                    + " one target.");
        }
        return ids;
    }

    private JsonNode page(String filter, String authorization, String requestId, int skip) {
        URI uri = URI.create(properties.url().toString().replaceAll("/+$", "") + "/api/machines?$filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20") + "&$select=id&$top=" + PAGE
                + "&$skip=" + skip);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout()).GET()
                .header("Accept", "application/json").header("X-Request-ID", requestId);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            return parse(response.body(), uri);
        }
        if (status >= 400 && status < 500 && status != 429) {
            throw refused(response.body(), status);
        }
        throw unavailable("HTTP " + status);
    }

    private JsonNode parse(String body, URI uri) {
        try {
            JsonNode page = JSON.readTree(body);
            if (page != null && page.path("value").isArray()) {
                return page;
            }
        } catch (IOException e) {
            // answered below
        }
        log.warn("The query side answered {} with no list of devices", uri.getPath());
        throw unavailable("no list of devices in its answer");
    }

    /** The query side's own error, in the public shape it already has: its code and message, said of the Filter. */
    private static ApiException refused(String body, int status) {
        ErrorCode code = ErrorCode.InvalidInput;
        String message = "the device list answered HTTP " + status;
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.hasNonNull("code")) {
                code = ErrorCode.valueOf(error.get("code").asText());
            }
            if (error.hasNonNull("message")) {
                message = error.get("message").asText();
            }
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            // not the public error shape: keep the status's words
        }
        return new ApiException(code, "Filter: " + message);
    }

    private static ApiException unavailable(String why) {
        log.warn("A bulk action's Filter could not be resolved: the query side is not answering ({})", why);
        return new ApiException(ErrorCode.ServiceUnavailable, "The device list, which resolves a Filter, is not"
                + " answering; try again shortly, or send MachineIds.");
    }
}
