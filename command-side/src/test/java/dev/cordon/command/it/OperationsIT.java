package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.IntegrationTestSupport;
import dev.cordon.command.support.PrometheusScrape;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** What operators and API clients see besides the API itself: health, Prometheus metrics, the OpenAPI document. */
class OperationsIT extends IntegrationTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    HttpApi api;

    @BeforeEach
    void setUp() {
        api = api();
    }

    @Test
    void health_coversDatabaseKafkaAndProcessors_andIsUp() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response health = api.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().get("status").asText()).isEqualTo("UP");
        });
        JsonNode components = api.get("/actuator/health").body().get("components");
        // As docs/monitoring.md lists them.
        assertThat(components.fieldNames()).toIterable()
                .contains("db", "kafka", "eventProcessors", "dbScheduler", "diskSpace", "ping");
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        assertThat(components.at("/kafka/status").asText()).isEqualTo("UP");
        assertThat(components.at("/kafka/details/brokers").asInt()).isEqualTo(1);
        assertThat(components.at("/kafka/details/partitions").asInt()).isEqualTo(3);
        assertThat(components.at("/eventProcessors/status").asText()).isEqualTo("UP");
        JsonNode publisher = components.at("/eventProcessors/details/kafka-publisher");
        assertThat(publisher.get("running").asBoolean()).isTrue();
        assertThat(publisher.get("error").asBoolean()).isFalse();
        assertThat(publisher.get("segments")).hasSize(4);
        assertThat(publisher.get("backlog").isNumber()).isTrue();
        assertThat(components.at("/eventProcessors/details/action-index/running").asBoolean()).isTrue();
    }

    @Test
    void commands_areCountedByOutcomeAndPublicErrorCode_andTimed() {
        PrometheusScrape before = scrape();
        String id = "ops" + UUID.randomUUID().toString().replace("-", "");
        assertThat(api.register(id, "host-ops", "Windows11", "22631").status()).isEqualTo(201);
        String action = api.isolate(id, "Full").body().get("id").asText();
        assertThat(api.isolate(id, "Full").status()).isEqualTo(400); // one is already pending
        assertThat(api.isolate("nobody" + id, "Full").status()).isEqualTo(404);
        assertThat(api.post("/api/machines/" + id + "/unisolate", "{\"comment\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.report(action, "InProgress").status()).isEqualTo(200);

        PrometheusScrape after = scrape();
        assertIncreasedBy(before, after, 1, "cordon_commands_total",
                "command", "RegisterDevice", "outcome", "accepted", "error_code", "none");
        assertIncreasedBy(before, after, 1, "cordon_commands_total",
                "command", "IsolateDevice", "outcome", "accepted", "error_code", "none");
        assertIncreasedBy(before, after, 1, "cordon_commands_total",
                "command", "IsolateDevice", "outcome", "rejected", "error_code", "ActiveRequestAlreadyExists");
        assertIncreasedBy(before, after, 1, "cordon_commands_total",
                "command", "IsolateDevice", "outcome", "rejected", "error_code", "ResourceNotFound");
        assertIncreasedBy(before, after, 1, "cordon_commands_total",
                "command", "ReleaseDevice", "outcome", "rejected", "error_code", "InvalidRequestBody");
        assertIncreasedBy(before, after, 1, "cordon_commands_total",
                "command", "ReportActionStatus", "outcome", "accepted", "error_code", "none");

        assertThat(after.find("cordon_command_duration_seconds_bucket", "command", "IsolateDevice",
                "outcome", "accepted")).extracting(s -> s.labels().get("le"))
                .contains("0.005", "0.1", "1.0", "10.0", "+Inf");
        assertIncreasedBy(before, after, 2, "cordon_command_duration_seconds_count", "command", "IsolateDevice",
                "outcome", "rejected");
        assertThat(after.value("cordon_command_duration_seconds_sum", "command", "IsolateDevice")).isPositive();
    }

    @Test
    void publishing_isCountedAndTimedOnceKafkaAcknowledged_andTheBacklogDrains() {
        PrometheusScrape before = scrape();
        String id = "pub" + UUID.randomUUID().toString().replace("-", "");
        api.register(id, "host-pub", "Windows11", "22631");
        api.isolate(id, "Selective");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(after.value("cordon_events_published_total", "type", "DeviceRegisteredEvent")
                    - before.value("cordon_events_published_total", "type", "DeviceRegisteredEvent")).isEqualTo(1);
            assertThat(after.value("cordon_events_published_total", "type", "DeviceIsolationRequestedEvent")
                    - before.value("cordon_events_published_total", "type", "DeviceIsolationRequestedEvent"))
                    .isEqualTo(1);
            assertThat(after.value("cordon_publish_lag_seconds_count")
                    - before.value("cordon_publish_lag_seconds_count")).isGreaterThanOrEqualTo(2);
            assertThat(after.find("cordon_publish_lag_seconds_bucket")).extracting(s -> s.labels().get("le"))
                    .contains("0.01", "1.0", "60.0", "+Inf");
            assertThat(after.value("cordon_publish_backlog_events")).isZero();
        });
        // The producer's own metrics are bound too (Boot binds them only for the factory it creates itself).
        assertThat(scrape().hasPrefix("kafka_producer_")).isTrue();
    }

    @Test
    void openApiDocument_isServedAtItsRoutedPath_andListsEveryEndpointDescribed() {
        Response doc = api.get("/v3/api-docs/command");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().at("/servers/0/url").asText()).isEqualTo("/");

        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.body().get("paths").fields(); paths.hasNext(); ) {
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
        assertThat(doc.body().at("/components/schemas/ErrorResponse/properties/error/$ref").asText())
                .isEqualTo("#/components/schemas/Error");
        assertThat(doc.body().at("/paths/~1api~1machines~1{id}~1isolate/post/responses").has("404")).isTrue();
        assertThat(doc.body().at("/paths/~1api~1machines~1{id}~1isolate/post/responses").has("503")).isTrue();
    }

    /** The audit endpoints take the whole query string (to refuse unknown names); the document names the real ones. */
    @Test
    void openApiDocument_namesTheAuditEndpointsQueryParameters_andTheExportsNdjson() {
        JsonNode paths = api.get("/v3/api-docs/command").body().get("paths");
        assertThat(queryParameters(paths.at("/~1api~1machines~1{id}~1history/get"))).isEmpty();
        JsonNode state = paths.at("/~1api~1machines~1{id}~1state/get");
        assertThat(queryParameters(state)).containsExactly("at=required");
        JsonNode export = paths.at("/~1api~1audit~1events/get");
        assertThat(queryParameters(export)).containsExactlyInAnyOrder("from", "to", "machineId");
        assertThat(export.at("/responses/200/content").fieldNames()).toIterable()
                .containsExactly("application/x-ndjson");
    }

    private static Set<String> queryParameters(JsonNode operation) {
        assertThat(operation.isMissingNode()).as("operation in the document").isFalse();
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(p -> {
            if (p.get("in").asText().equals("query")) {
                names.add(p.get("name").asText() + (p.path("required").asBoolean() ? "=required" : ""));
            }
        });
        return names;
    }

    /** Every method and path Spring serves from Cordon's own controllers. */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        Set<String> hidden = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("dev.cordon")) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                if (handler.hasMethodAnnotation(Hidden.class)) {
                    hidden.add(path);
                    continue;
                }
                mapping.getKey().getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + path));
            }
        }
        // The container's error forward (shared-service's FallbackErrorController), not an endpoint.
        assertThat(hidden).containsExactly("/error");
        assertThat(endpoints).isNotEmpty();
        return endpoints;
    }

    private PrometheusScrape scrape() {
        Response r = api.getText("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        return new PrometheusScrape(r.raw());
    }

    private static void assertIncreasedBy(PrometheusScrape before, PrometheusScrape after, double by, String name,
                                          String... labels) {
        assertThat(after.find(name, labels)).as("%s %s", name, String.join(",", labels)).isNotEmpty();
        assertThat(after.value(name, labels) - before.value(name, labels)).as("%s %s", name, String.join(",", labels))
                .isEqualTo(by);
    }
}
