package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.cordon.command.support.CommandSideInstances.api;
import static dev.cordon.command.support.CommandSideInstances.jdbc;

import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.Concurrently;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.HttpApi.Response;
import dev.cordon.command.support.TestDatabase;
import dev.cordon.service.testing.TestIssuer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Two command-side replicas on one event store: Axon's in-process lock no longer serialises the commands for a
 * device, and only the store's unique (device, sequence) key decides. The loser is retried and answered by the
 * rules, never with a 500, and exactly one event is stored.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class TwoReplicasIT {

    private static final TestDatabase DB = TestDatabase.create("cordon_cmd_replicas");
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoReplicas() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void concurrentIsolates_onTwoReplicas_acceptExactlyOne() throws Exception {
        String device = "replicas" + UUID.randomUUID().toString().replace("-", "");
        assertThat(api(first).register(device, "host-r", "Windows11", "22631").status()).isEqualTo(201);

        List<Response> responses = Concurrently.run(40, i -> api(i % 2 == 0 ? first : second).isolate(device, "Full"));

        Map<String, Long> outcomes = responses.stream().collect(Collectors.groupingBy(
                r -> r.status() + " " + (r.status() == 201 ? "" : r.body().at("/error/code").asText()),
                Collectors.counting()));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201 ", 1L, "400 ActiveRequestAlreadyExists", 39L));
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent");
    }

    @Test
    void concurrentFirstRegistrations_onTwoReplicas_registerOnce() throws Exception {
        String device = "replicas" + UUID.randomUUID().toString().replace("-", "");

        List<Response> responses = Concurrently.run(10,
                i -> api(i % 2 == 0 ? first : second).register(device, "host-r", "Windows11", "22631"));

        assertThat(responses).extracting(Response::status).containsOnly(201, 200);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent");
    }

    /**
     * Defender's budget on the machine-action endpoints, 100 calls a minute per caller, is one budget whichever
     * replica a call reaches (Bucket4j on the shared database): the 101st is refused with 429 and Retry-After, and
     * stores nothing; another caller still has its own whole budget.
     */
    @Test
    void theRateLimit_isOneBudgetPerCaller_acrossBothReplicas() throws Exception {
        String device = "replicas" + UUID.randomUUID().toString().replace("-", "");
        assertThat(api(first).register(device, "host-r", "Windows11", "22631").status()).isEqualTo(201);
        String playbook = TestIssuer.get().app("busy playbook " + UUID.randomUUID(), "Machine.Isolate",
                "Machine.Read.All");
        HttpApi viaFirst = api(first).as(playbook);
        HttpApi viaSecond = api(second).as(playbook);

        for (int call = 1; call <= 100; call++) {
            Response answer = (call % 2 == 0 ? viaSecond : viaFirst)
                    .post("/api/machineactions/" + UUID.randomUUID() + "/cancel", "{\"Comment\":\"stale alert\"}");
            assertThat(answer.status()).as("call %d: %s", call, answer.raw()).isEqualTo(404);
        }
        HttpResponse<String> refused = viaFirst.exchange(HttpRequest.newBuilder(viaFirst.uri("/api/machines/" + device
                        + "/isolate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"x\",\"IsolationType\":\"Full\"}")));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.body()).contains("\"code\":\"TooManyRequests\"", "\"target\":");
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent");

        Response otherCaller = api(second).as(TestIssuer.get().app("another playbook " + UUID.randomUUID(),
                "Machine.Isolate")).isolate(device, "Full");
        assertThat(otherCaller.status()).as(otherCaller.raw()).isEqualTo(201);
    }

    /** Kafka's own default (producer-1) was the same on every replica: the brokers could not tell them apart. */
    @Test
    void eachReplica_publishesUnderItsOwnKafkaClientId() {
        Object firstId = clientId(first);
        assertThat(firstId).isNotNull().isNotEqualTo(clientId(second));
        assertThat(firstId.toString()).startsWith("cordon-").doesNotStartWith("producer-");
    }

    private static Object clientId(ConfigurableApplicationContext replica) {
        return replica.getBean(ProducerFactory.class).getConfigurationProperties().get(ProducerConfig.CLIENT_ID_CONFIG);
    }

    private static ConfigurableApplicationContext start() {
        return CommandSideInstances.start(DB, EmbeddedKafkaCondition.getBroker().getBrokersAsString(), List.of());
    }

    private static List<String> eventTypes(String device) {
        return CommandSideInstances.eventTypes(jdbc(first), device);
    }
}
