package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.query.support.IntegrationTestSupport;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every failure answers the public error JSON with the correlation id, never Spring's own error body. */
class ErrorHandlingIT extends IntegrationTestSupport {

    @Test
    void unknownPath_is404NotFound() {
        // "/" and the other dashboard pages are served (DashboardPagesIT); what lies beside them is not.
        for (String path : new String[] {"/api/nothing", "/api/$metadata", "/favicon.ico", "/error",
                "/assets/nothing.js", "/devices/x/y"}) {
            ResponseEntity<JsonNode> response = get(path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody().at("/error/code").asText()).as(path).isEqualTo("NotFound");
            assertThat(response.getBody().has("timestamp")).isFalse();
        }
    }

    @Test
    void wrongMethod_is405MethodNotAllowed() {
        ResponseEntity<JsonNode> response = exchange(HttpMethod.DELETE, "/api/machineactions", new HttpHeaders());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("MethodNotAllowed");
        assertThat(response.getHeaders().getAllow()).contains(HttpMethod.GET);
    }

    @Test
    void requestId_whenGiven_isEchoedAsTarget() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-ID", "caller-42");
        ResponseEntity<JsonNode> response = exchange(HttpMethod.GET, "/api/machineactions/unknown", headers);
        assertThat(response.getHeaders().getFirst("X-Request-ID")).isEqualTo("caller-42");
        assertThat(response.getBody().at("/error/target").asText()).isEqualTo("caller-42");
    }

    @Test
    void requestId_whenMissing_isNewUuidInHeaderAndTarget() {
        ResponseEntity<JsonNode> response = get("/api/machines/unknown");
        String id = response.getHeaders().getFirst("X-Request-ID");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.getBody().at("/error/target").asText()).isEqualTo(id);
    }

    /** The one request-id rule of both sides: an unsafe id is replaced by a new UUID, never repaired or cut. */
    @ParameterizedTest
    @ValueSource(strings = {"abc def!", "<b>aaaaaaaaaaaa", "x"})
    void requestId_whenUnsafeOrTooLong_isReplacedByANewUuidInHeaderAndTarget(String given) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-ID", given.equals("x") ? "x".repeat(101) : given);
        ResponseEntity<JsonNode> response = exchange(HttpMethod.GET, "/api/machines/unknown", headers);
        String id = response.getHeaders().getFirst("X-Request-ID");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.getBody().at("/error/target").asText()).isEqualTo(id);
    }

    @Test
    void requestRejectedByTomcat_isStillErrorJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-ID", "bad-path-1");
        ResponseEntity<JsonNode> response = rest.exchange(URI.create(baseUrl() + "/api/machineactions/a%2Fb"),
                HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(response.getBody().at("/error/target").asText()).isEqualTo("bad-path-1");
        assertThat(response.getHeaders().getFirst("X-Request-ID")).isEqualTo("bad-path-1");
    }

    @Test
    void malformedQueryString_is400InvalidInputNotAnUnfilteredList() throws Exception {
        // Tomcat drops a parameter it cannot decode; answering without the filter would list every action.
        RawResponse response = rawGet("/api/machineactions?$filter=status%20eq%20%27Pending%27%ZZ", "bad-query-1");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().get("Content-Type")).startsWith("application/json");
        assertThat(response.headers().get("X-Request-ID")).isEqualTo("bad-query-1");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.at("/error/code").asText()).isEqualTo("InvalidInput");
        assertThat(body.at("/error/target").asText()).isEqualTo("bad-query-1");
        assertThat(body.at("/error/message").asText()).contains("query string");
    }

    @Test
    void errorForHtmlClient_isStillErrorJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/html");
        ResponseEntity<String> response = rest.exchange(URI.create(baseUrl() + "/api/nothing"), HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getBody()).contains("\"code\":\"NotFound\"");
    }

    @Test
    void successfulResponse_carriesRequestId() {
        ResponseEntity<JsonNode> response = get("/api/machineactions", "$top", "1");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Request-ID")).isNotBlank();
    }
}
