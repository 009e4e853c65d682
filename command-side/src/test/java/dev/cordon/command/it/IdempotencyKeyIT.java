package dev.cordon.command.it;

import static dev.cordon.command.support.CommandSideInstances.api;
import static dev.cordon.command.support.CommandSideInstances.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.Concurrently;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.TestDatabase;
import dev.cordon.service.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Issue 14: a retried isolate, release or cancel with its Idempotency-Key is answered with the first request's action
 * (Idempotent-Replayed: true) instead of a second action or ActiveRequestAlreadyExists, per caller, on either of two
 * replicas on one database, after a restart, until the key is older than the retention.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class IdempotencyKeyIT {

    private static final TestDatabase DB = TestDatabase.create("cordon_cmd_idem");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    /** One answer: its status, body and the replay marker. */
    record Answer(int status, JsonNode body, String location, boolean replayed) {

        String id() {
            return body.get("id").asText();
        }

        String errorCode() {
            return body.at("/error/code").asText();
        }
    }

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
    void isolate_retriedWithItsKey_answersTheFirstAction_andStoresOneRequest() {
        String device = registered();
        String key = UUID.randomUUID().toString();

        Answer created = isolate(api(first), device, "Ransomware alert 4711", key);
        Answer retried = isolate(api(second), device, "Ransomware alert 4711", key);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.replayed()).isFalse();
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(201);
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.id()).isEqualTo(created.id());
        assertThat(retried.location()).isEqualTo(created.location()).isEqualTo("/api/machineactions/" + created.id());
        assertThat(retried.body()).isEqualTo(created.body());
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent");
    }

    @Test
    void release_retriedWithItsKey_answersTheFirstAction_andStoresOneRequest() {
        String device = registered();
        String isolation = api(first).isolate(device, "Full").body().get("id").asText();
        assertThat(api(first).report(isolation, "InProgress").status()).isEqualTo(200);
        assertThat(api(first).report(isolation, "Succeeded").status()).isEqualTo(200);
        String key = "release-" + UUID.randomUUID();

        Answer created = post(api(first), "/api/machines/" + device + "/unisolate", "{\"Comment\":\"Cleaned\"}", key);
        Answer retried = post(api(second), "/api/machines/" + device + "/unisolate", "{\"Comment\":\"Cleaned\"}", key);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(201);
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.id()).isEqualTo(created.id());
        assertThat(retried.body().get("type").asText()).isEqualTo("Unisolate");
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent",
                "MachineActionStartedEvent", "DeviceIsolatedEvent", "DeviceReleaseRequestedEvent");
    }

    @Test
    void cancel_retriedWithItsKey_answersTheCancelledAction_andCancelsOnce() {
        String device = registered();
        String isolation = api(first).isolate(device, "Full").body().get("id").asText();
        String key = "cancel-" + UUID.randomUUID();
        String path = "/api/machineactions/" + isolation + "/cancel";

        Answer cancelled = post(api(first), path, "{\"Comment\":\"Wrong device\"}", key);
        Answer retried = post(api(second), path, "{\"Comment\":\"Wrong device\"}", key);

        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.id()).isEqualTo(isolation);
        assertThat(retried.body().get("status").asText()).isEqualTo("Cancelled");
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent",
                "MachineActionCancelledEvent");
    }

    @Test
    void aKeyUsedAgain_withAnotherRequest_isRefused_andStoresNothing() {
        String device = registered();
        String otherDevice = registered();
        String key = UUID.randomUUID().toString();
        assertThat(isolate(api(first), device, "Ransomware alert 4711", key).status()).isEqualTo(201);

        Answer otherComment = isolate(api(second), device, "Another alert", key);
        Answer otherMachine = isolate(api(first), otherDevice, "Ransomware alert 4711", key);
        Answer otherOperation = post(api(first), "/api/machines/" + device + "/unisolate", "{\"Comment\":\"x\"}", key);

        for (Answer refused : List.of(otherComment, otherMachine, otherOperation)) {
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("InvalidInput");
            assertThat(refused.body().at("/error/message").asText())
                    .startsWith("Idempotency-Key was used for another request");
            assertThat(refused.replayed()).isFalse();
        }
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent");
        assertThat(eventTypes(otherDevice)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent");
    }

    @Test
    void theSameKey_fromAnotherCaller_isItsOwn() {
        String device = registered();
        String otherDevice = registered();
        String key = UUID.randomUUID().toString();
        HttpApi otherCaller = api(second).as(TestIssuer.get().app("other playbook " + UUID.randomUUID(),
                "Machine.Isolate", "Machine.Read.All"));
        Answer mine = isolate(api(first), device, "Ransomware alert 4711", key);

        Answer theirsOnMyDevice = isolate(otherCaller, device, "Ransomware alert 4711", key);
        Answer theirsElsewhere = isolate(otherCaller, otherDevice, "Ransomware alert 4711", key);
        Answer theirsRetried = isolate(otherCaller, otherDevice, "Ransomware alert 4711", key);

        assertThat(theirsOnMyDevice.status()).isEqualTo(400);
        assertThat(theirsOnMyDevice.errorCode()).isEqualTo("ActiveRequestAlreadyExists");
        assertThat(theirsElsewhere.status()).as(theirsElsewhere.body().toString()).isEqualTo(201);
        assertThat(theirsElsewhere.replayed()).isFalse();
        assertThat(theirsElsewhere.id()).isNotEqualTo(mine.id());
        assertThat(theirsRetried.replayed()).isTrue();
        assertThat(theirsRetried.id()).isEqualTo(theirsElsewhere.id());
        assertThat(jdbc(first).queryForObject("select count(*) from idempotency_key where idempotency_key = ?",
                Integer.class, key)).isEqualTo(2);
    }

    /** Every answer names the one action; none is a 503, as the loser's retry reads the committed winner. */
    @Test
    void concurrentRequests_withOneKey_onTwoReplicas_storeOneAction_andAllAnswerIt() throws Exception {
        String device = registered();
        String key = UUID.randomUUID().toString();

        List<Answer> answers = Concurrently.run(20, i -> isolate(api(i % 2 == 0 ? first : second), device,
                "Ransomware alert 4711", key));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body().toString()).isEqualTo(201));
        assertThat(answers).extracting(Answer::id).containsOnly(answers.get(0).id());
        assertThat(answers).filteredOn(a -> !a.replayed()).hasSize(1);
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent");
    }

    @Test
    void aRetry_afterTheReplicaRestarted_stillReplays() {
        String device = registered();
        String key = UUID.randomUUID().toString();
        Answer created = isolate(api(second), device, "Ransomware alert 4711", key);
        assertThat(created.status()).isEqualTo(201);

        second.close();
        second = start();
        Answer retried = isolate(api(second), device, "Ransomware alert 4711", key);

        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(201);
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.id()).isEqualTo(created.id());
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent");
    }

    @Test
    void aKey_olderThanTheRetention_actsAgain() {
        String device = registered();
        String key = UUID.randomUUID().toString();
        Answer created = isolate(api(first), device, "Ransomware alert 4711", key);
        assertThat(post(api(first), "/api/machineactions/" + created.id() + "/cancel", "{\"Comment\":\"x\"}", null)
                .status()).isEqualTo(200);
        // A day and a minute ago, as the default retention (24h) counts.
        jdbc(first).update("update idempotency_key set created_at = created_at - interval '1441' minute"
                + " where idempotency_key = ?", key);

        Answer again = isolate(api(second), device, "Ransomware alert 4711", key);

        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(again.replayed()).isFalse();
        assertThat(again.id()).isNotEqualTo(created.id());
        assertThat(jdbc(first).queryForList("select action_id from idempotency_key where idempotency_key = ?",
                String.class, key)).containsExactly(again.id());
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                "DeviceIsolationRequestedEvent",
                "MachineActionCancelledEvent", "DeviceIsolationRequestedEvent");
    }

    @Test
    void anInvalidKey_isRefused_namingTheHeader() {
        String device = registered();

        Answer tooLong = isolate(api(first), device, "Ransomware alert 4711", "k".repeat(256));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("InvalidInput");
        assertThat(tooLong.body().at("/error/message").asText()).startsWith("Idempotency-Key ");
        assertThat(eventTypes(device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent");
    }

    @Test
    void theOpenApiDocument_declaresTheHeader_andTheReplayMarker_onIsolateReleaseAndCancel() {
        JsonNode paths = api(first).get("/v3/api-docs/command").body().get("paths");

        for (String path : List.of("/api/machines/{id}/isolate", "/api/machines/{id}/unisolate",
                "/api/machineactions/{actionId}/cancel")) {
            JsonNode operation = paths.get(path).get("post");
            assertThat(operation.get("parameters").findValuesAsText("name")).as(path).contains("Idempotency-Key");
            JsonNode success = operation.get("responses").get(path.endsWith("cancel") ? "200" : "201");
            assertThat(success.get("headers").has("Idempotent-Replayed")).as(path).isTrue();
        }
    }

    private static Answer isolate(HttpApi api, String device, String comment, String key) {
        return post(api, "/api/machines/" + device + "/isolate", "{\"Comment\":\"" + comment
                + "\",\"IsolationType\":\"Full\"}", key);
    }

    private static Answer post(HttpApi api, String path, String json, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = api.exchange(request);
        try {
            return new Answer(response.statusCode(), JSON.readTree(response.body()),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String registered() {
        String device = "idem" + UUID.randomUUID().toString().replace("-", "");
        assertThat(api(first).register(device, "host-i", "Windows11", "22631").status()).isEqualTo(201);
        return device;
    }

    private static ConfigurableApplicationContext start() {
        return CommandSideInstances.start(DB, EmbeddedKafkaCondition.getBroker().getBrokersAsString(), List.of());
    }

    private static List<String> eventTypes(String device) {
        return CommandSideInstances.eventTypes(jdbc(first), device);
    }
}
