package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.kafka.KafkaContract;
import dev.cordon.query.health.ConsumerLagHealthIndicator;
import dev.cordon.query.projection.DeviceEventListener;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.PrometheusScrape;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.health.HealthStatuses;
import dev.cordon.service.testing.TestIssuer;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** What operators and API clients see besides the API itself: health, Prometheus metrics, the API documents. */
class OperationsIT extends IntegrationTestSupport {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private Admin healthAdminClient;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void health_coversBothDatabasesKafkaAndConsumerLag_andIsUp() {
        eventually().untilAsserted(() -> {
            ResponseEntity<JsonNode> health = get("/actuator/health");
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
        });
        JsonNode components = get("/actuator/health").getBody().get("components");
        // As docs/monitoring.md lists them.
        assertThat(components.fieldNames()).toIterable()
                .contains("db", "eventStore", "kafka", "consumerLag", "diskSpace", "ping");
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        assertThat(components.at("/eventStore/status").asText()).isEqualTo("UP");
        assertThat(components.at("/kafka/status").asText()).isEqualTo("UP");
        assertThat(components.at("/kafka/details/partitions").asInt()).isEqualTo(3);
        assertThat(components.at("/consumerLag/status").asText()).isEqualTo("UP");
        assertThat(components.at("/consumerLag/details/group").asText()).isEqualTo("cordon-query");
        assertThat(components.at("/consumerLag/details/listenerRunning").asBoolean()).isTrue();
        assertThat(components.at("/consumerLag/details/lag").isNumber()).isTrue();
        assertThat(components.at("/consumerLag/details/partitions")).hasSize(3);
    }

    @Test
    void consumerLag_isReportedAsADetail_andDegradesOnlyAboveTheThreshold() {
        MessageListenerContainer container = listeners.getListenerContainer(DeviceEventListener.ID);
        container.pause();
        try {
            eventually().until(container::isContainerPaused);
            DeviceStream device = newDevice();
            device.send(TestEvents.registered(device.id, at(0)));
            device.send(TestEvents.isolationRequested(device.id, newId("iso"), IsolationType.Full, at(1)));
            device.send(TestEvents.released(device.id, newId("rel"), at(2)));

            // The application's own threshold (1000) is far away: behind, but UP.
            eventually().untilAsserted(() -> {
                JsonNode lag = get("/actuator/health/consumerLag").getBody();
                assertThat(lag.at("/details/lag").asLong()).isGreaterThanOrEqualTo(3);
                assertThat(lag.get("status").asText()).isEqualTo("UP");
            });
            Health strict = new ConsumerLagHealthIndicator(healthAdminClient, KafkaContract.DEFAULT_TOPIC,
                    "cordon-query", 2, 2_000, () -> container).health();
            assertThat(strict.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
            assertThat((Long) strict.getDetails().get("lag")).isGreaterThanOrEqualTo(3);
            assertThat(get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            container.resume();
        }
        eventually().untilAsserted(() ->
                assertThat(get("/actuator/health/consumerLag").getBody().at("/details/lag").asLong()).isZero());
    }

    @Test
    void projection_isCountedByTypeAndOutcome_andItsLagTimed() {
        PrometheusScrape before = scrape();
        DeviceStream device = newDevice();
        device.send(TestEvents.registered(device.id, at(0)));
        device.send(TestEvents.isolationRequested(device.id, newId("iso"), IsolationType.Selective, at(1)));
        device.resend(0);
        produce(device.id, "{\"specversion\":\"1.0\",\"id\":\"" + newId("evt") + "\",\"type\":\"dev.cordon.device"
                + ".SomethingNew\",\"sequence\":2,\"data\":{}}");
        produce(device.id, "not a cloud event");

        eventually().untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertIncreasedBy(before, after, 1, "cordon_events_projected_total",
                    "type", "DeviceRegisteredEvent", "outcome", "applied");
            assertIncreasedBy(before, after, 1, "cordon_events_projected_total",
                    "type", "DeviceIsolationRequestedEvent", "outcome", "applied");
            assertIncreasedBy(before, after, 1, "cordon_events_projected_total",
                    "type", "DeviceRegisteredEvent", "outcome", "duplicate");
            assertIncreasedBy(before, after, 1, "cordon_events_projected_total",
                    "type", "unknown", "outcome", "skipped");
            assertIncreasedBy(before, after, 1, "cordon_events_projected_total",
                    "type", "unknown", "outcome", "poison");
            assertThat(after.value("cordon_projection_lag_seconds_count")
                    - before.value("cordon_projection_lag_seconds_count")).isGreaterThanOrEqualTo(2);
        });
        PrometheusScrape after = scrape();
        assertThat(after.find("cordon_projection_lag_seconds_bucket")).extracting(s -> s.labels().get("le"))
                .contains("0.01", "1.0", "60.0", "+Inf");
        // The CloudEvent time is now, so the events were projected well within a minute of it.
        assertThat(after.value("cordon_projection_lag_seconds_bucket", "le", "60.0")
                - before.value("cordon_projection_lag_seconds_bucket", "le", "60.0")).isGreaterThanOrEqualTo(2);
        // The consumer's own metrics, lag included, are bound too.
        assertThat(after.find("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
    }

    @Test
    void openApiDocument_isServedAtItsRoutedPath_andListsEveryEndpointDescribed() {
        JsonNode doc = get("/v3/api-docs/query").getBody();
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                documented.add(method.toUpperCase() + " " + path.getKey());
                JsonNode operation = path.getValue().get(method);
                assertThat(operation.path("summary").asText()).as("summary of %s %s", method, path.getKey())
                        .isNotBlank();
                operation.get("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().matches("[45]\\d\\d")) {
                        assertThat(response.getValue().at("/content/application~1json/schema/$ref").asText())
                                .as("%s of %s %s", response.getKey(), method, path.getKey())
                                .isEqualTo("#/components/schemas/ErrorResponse");
                    }
                });
            });
        }
        assertThat(documented).isEqualTo(mappedEndpoints());

        JsonNode list = doc.at("/paths/~1api~1machineactions/get");
        List<String> options = list.get("parameters").findValuesAsText("name");
        assertThat(options).containsExactly("$filter", "$orderby", "$top", "$skip");
        assertThat(list.at("/parameters/0/description").asText())
                .contains("status (Pending, InProgress, Succeeded, Failed, TimeOut, Cancelled)", "machineId (text)",
                        "creationDateTimeUtc (date-time");
        assertThat(doc.at("/paths/~1api~1machineactions~1{id}/get/responses").has("503")).isTrue();
    }

    @Test
    void swaggerUi_isServed_andListsBothDocuments() throws Exception {
        HttpResponse<String> page = raw("/swagger-ui.html");
        assertThat(page.statusCode()).isEqualTo(302);
        // Relative, so that behind the one base URL the browser stays on it.
        assertThat(page.headers().firstValue("Location")).hasValue("/swagger-ui/index.html");

        HttpResponse<String> index = raw("/swagger-ui/index.html");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("swagger-ui");
        // Swagger UI can send isolations: no other site may frame it, and nothing it serves is sniffed.
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(index.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(index.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        HttpResponse<String> document = raw("/v3/api-docs/query");
        assertThat(document.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> bundle = raw("/swagger-ui/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        // The page reads its list of documents from here, relative to the base URL it was loaded from.
        assertThat(raw("/swagger-ui/swagger-initializer.js").body()).contains("/v3/api-docs/query/swagger-config");

        JsonNode config = get("/v3/api-docs/query/swagger-config").getBody();
        assertThat(config.get("urls").findValuesAsText("url"))
                .containsExactlyInAnyOrder("/v3/api-docs/query", "/v3/api-docs/command");
    }

    @Test
    void unknownPaths_nextToTheDocuments_stillAnswerNotFoundJson() {
        for (String path : new String[] {"/swagger-ui/nothing.js", "/v3/api-docs/nothing", "/v3/api-docs/command",
                "/v3/api-docs", "/swagger-ui/"}) {
            ResponseEntity<JsonNode> response = get(path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody().at("/error/code").asText()).as(path).isEqualTo("NotFound");
        }
    }

    /** Every method and path Spring serves from Cordon's own controllers, but the error forward and the pages. */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        Set<String> hidden = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("dev.cordon")) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                if (handler.hasMethodAnnotation(Hidden.class)
                        || handler.getBeanType().isAnnotationPresent(Hidden.class)) {
                    hidden.add(path);
                    continue;
                }
                mapping.getKey().getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + path));
            }
        }
        // The container's error forward, the dashboard's pages (HTML, not API) and, with no sign-in configured, its
        // door's answer that says so.
        assertThat(hidden).containsExactlyInAnyOrder("/error", "/", "/devices", "/actions", "/devices/{id}",
                "/dashboard/**");
        assertThat(endpoints).isNotEmpty();
        return endpoints;
    }

    private HttpResponse<String> raw(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization",
                        TestIssuer.bearer()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private PrometheusScrape scrape() {
        try {
            HttpResponse<String> response = raw("/actuator/prometheus");
            assertThat(response.statusCode()).isEqualTo(200);
            return new PrometheusScrape(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertIncreasedBy(PrometheusScrape before, PrometheusScrape after, double by, String name,
                                          String... labels) {
        assertThat(after.value(name, labels) - before.value(name, labels)).as("%s %s", name, String.join(",", labels))
                .isEqualTo(by);
    }
}
