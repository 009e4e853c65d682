package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static dev.cordon.command.support.CommandSideInstances.api;
import static dev.cordon.command.support.CommandSideInstances.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The simulated device agent on real PostgreSQL: an action goes Pending, InProgress, then Succeeded (or Failed)
 * with the events a real agent's reports store; two replicas simulating at once race, and the aggregate lets
 * exactly one report of each kind through.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class AgentSimulationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELAY = Duration.ofMillis(600);

    @Test
    void isolateAndRelease_onTwoSimulatingReplicas_succeedOnceEach() throws Exception {
        TestDatabase db = TestDatabase.create("cordon_cmd_sim");
        try (ConfigurableApplicationContext first = start(db, "0");
             ConfigurableApplicationContext second = start(db, "0")) {
            HttpApi api = api(first);
            JdbcTemplate jdbc = jdbc(first);
            List<String> devices = new ArrayList<>();
            List<String> actions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String device = "sim" + UUID.randomUUID().toString().replace("-", "");
                api.register(device, "host-sim-" + i, "Windows11", "22631");
                HttpApi.Response isolate = api.isolate(device, "Full");
                assertThat(isolate.body().get("status").asText()).isEqualTo("Pending");
                devices.add(device);
                actions.add(isolate.body().get("id").asText());
            }

            for (String action : actions) {
                await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, action).equals("Succeeded"));
            }
            for (String device : devices) {
                assertThat(CommandSideInstances.eventTypes(jdbc, device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                        "DeviceIsolationRequestedEvent", "MachineActionStartedEvent", "DeviceIsolatedEvent");
                for (long sequence : new long[] {3, 4}) {
                    JsonNode meta = JSON.readTree(event(jdbc, device, sequence, "meta_data"));
                    assertThat(meta.get("requestor").asText()).isEqualTo("Simulated device agent");
                    assertThat(meta.get("requestSource").asText()).isEqualTo("DeviceAgent");
                    assertThat(meta.get("requestId").asText()).isNotBlank();
                }
                Instant started = Instant.parse(JSON.readTree(event(jdbc, device, 3, "payload"))
                        .get("reportedAt").asText());
                Instant isolated = Instant.parse(JSON.readTree(event(jdbc, device, 4, "payload"))
                        .get("completedAt").asText());
                assertThat(Duration.between(started, isolated)).as("InProgress for the delay").isGreaterThanOrEqualTo(DELAY);
            }

            String release = api(second).release(devices.get(0)).body().get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, release).equals("Succeeded"));
            assertThat(CommandSideInstances.eventTypes(jdbc, devices.get(0))).endsWith("DeviceReleaseRequestedEvent",
                    "MachineActionStartedEvent", "DeviceReleasedEvent");
        }
    }

    @Test
    void failureRateOne_failsTheAction() {
        TestDatabase db = TestDatabase.create("cordon_cmd_simfail");
        try (ConfigurableApplicationContext instance = start(db, "1")) {
            HttpApi api = api(instance);
            JdbcTemplate jdbc = jdbc(instance);
            String device = "simfail" + UUID.randomUUID().toString().replace("-", "");
            api.register(device, "host-simfail", "Windows10", "19045");
            String action = api.isolate(device, "Selective").body().get("id").asText();

            await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, action).equals("Failed"));
            assertThat(jdbc.queryForObject("select error_hresult from action_index where action_id = ?",
                    Integer.class, action)).isEqualTo(0x80004005);
            assertThat(CommandSideInstances.eventTypes(jdbc, device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                    "DeviceIsolationRequestedEvent", "MachineActionStartedEvent", "DeviceIsolationFailedEvent");
        }
    }

    @Test
    void simulation_isOffByDefault() {
        TestDatabase db = TestDatabase.create("cordon_cmd_nosim");
        try (ConfigurableApplicationContext instance = CommandSideInstances.start(db, brokers(), List.of(),
                "--cordon.agent-simulation.delay=0s", "--cordon.agent-simulation.poll-interval=50ms")) {
            HttpApi api = api(instance);
            String device = "nosim" + UUID.randomUUID().toString().replace("-", "");
            api.register(device, "host-nosim", "Windows11", "22631");
            String action = api.isolate(device, "Full").body().get("id").asText();
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(status(jdbc(instance), action)).isEqualTo("Pending"));
        }
    }

    private static String status(JdbcTemplate jdbc, String action) {
        return jdbc.queryForObject("select status from action_index where action_id = ?", String.class, action);
    }

    private static byte[] event(JdbcTemplate jdbc, String device, long sequence, String column) {
        return jdbc.queryForObject("select " + column + " from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, device, sequence);
    }

    private static ConfigurableApplicationContext start(TestDatabase db, String failureRate) {
        return CommandSideInstances.start(db, brokers(), List.of(), "--cordon.agent-simulation.enabled=true",
                "--cordon.agent-simulation.poll-interval=100ms", "--cordon.agent-simulation.delay=" + DELAY.toMillis()
                        + "ms", "--cordon.agent-simulation.failure-rate=" + failureRate);
    }

    private static String brokers() {
        return EmbeddedKafkaCondition.getBroker().getBrokersAsString();
    }
}
