package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.cordon.command.support.CommandSideInstances.api;
import static dev.cordon.command.support.CommandSideInstances.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.demo.DemoDevice;
import dev.cordon.command.demo.DemoDeviceSeeder;
import dev.cordon.command.demo.DemoDevices;
import dev.cordon.command.device.RegistrationOutcome;
import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Demo devices are registered at start, through the registration command, and never twice. */
@EmbeddedKafka(kraft = true, partitions = 3)
class DemoSeedIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void seeding_registersTheDemoFleet_andARestartAddsNoEvents() throws Exception {
        TestDatabase db = TestDatabase.create("cordon_cmd_demo");
        long stored;
        try (ConfigurableApplicationContext first = start(db, true)) {
            JdbcTemplate jdbc = jdbc(first);
            for (DemoDevice device : DemoDevices.ALL) {
                assertThat(CommandSideInstances.eventTypes(jdbc, device.id())).as(device.computerDnsName())
                        .containsExactlyElementsOf(demoHistory(device));
            }
            JsonNode meta = JSON.readTree(jdbc.queryForObject("select meta_data from domain_event_entry "
                    + "where aggregate_identifier = ? and sequence_number = 0", byte[].class,
                    DemoDevices.ALL.get(0).id()));
            assertThat(meta.get("requestor").asText()).isEqualTo("Cordon demo seed");
            assertThat(meta.get("requestSource").asText()).isEqualTo("DemoSeed");
            stored = allEvents(jdbc);
            assertThat(stored).isEqualTo(2L * DemoDevices.ALL.size()
                    + DemoDevices.TAGS.values().stream().mapToInt(List::size).sum());
            assertThat(groupsOf(jdbc)).as("by the demo groups' rules").containsExactlyInAnyOrderEntriesOf(Map.of(
                    "lt-dev-0113.corp.example", "Workstations", "lt-hr-0042.corp.example", "Workstations",
                    "ws-finance-017.corp.example", "Workstations", "kiosk-lobby-01.corp.example", "Workstations",
                    "srv-file-02.corp.example", "Servers", "mbp-design-07.corp.example", "Workstations",
                    "build-agent-03.corp.example", "Servers"));
        }

        try (ConfigurableApplicationContext second = start(db, true)) {
            assertThat(allEvents(jdbc(second))).as("a restart re-seeds nothing").isEqualTo(stored);
            HttpApi api = api(second);
            for (DemoDevice device : DemoDevices.ALL) {
                HttpApi.Response again = api.put("/api/machines/" + device.id(), registrationBody(device));
                assertThat(again.status()).as(device.computerDnsName()).isEqualTo(200);
            }
            assertThat(allEvents(jdbc(second))).as("the API registers the same devices the same way")
                    .isEqualTo(stored);
        }
    }

    @Test
    void seeding_isOffByDefault() {
        TestDatabase db = TestDatabase.create("cordon_cmd_nodemo");
        try (ConfigurableApplicationContext instance = CommandSideInstances.start(db, brokers(), List.of())) {
            assertThat(allEvents(jdbc(instance))).isZero();
        }
    }

    @Test
    void seedingOnTwoReplicasAtOnce_registersEachDeviceOnce() throws Exception {
        TestDatabase db = TestDatabase.create("cordon_cmd_demo2");
        try (ConfigurableApplicationContext first = start(db, false);
             ConfigurableApplicationContext second = start(db, false)) {
            // Several seeders per replica, released together, so that some surely meet on the same device.
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<CompletableFuture<Map<RegistrationOutcome, Integer>>> seeders = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                seeders.add(seedAfter(go, i % 2 == 0 ? first : second, pool));
            }
            go.countDown();
            pool.shutdown();

            int n = DemoDevices.ALL.size();
            int registered = 0;
            for (CompletableFuture<Map<RegistrationOutcome, Integer>> seeder : seeders) {
                Map<RegistrationOutcome, Integer> outcomes = seeder.get();
                assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum())
                        .as("every device registered or found unchanged, none failed: " + outcomes).isEqualTo(n);
                assertThat(outcomes).doesNotContainKey(RegistrationOutcome.UPDATED);
                registered += outcomes.getOrDefault(RegistrationOutcome.REGISTERED, 0);
            }
            assertThat(registered).isEqualTo(n);
            for (DemoDevice device : DemoDevices.ALL) {
                assertThat(CommandSideInstances.eventTypes(jdbc(first), device.id())).as(device.computerDnsName())
                        .containsExactlyElementsOf(demoHistory(device));
            }
        }
    }

    /** Registered and put in its device group, then tagged with each of its demo tags once. */
    private static List<String> demoHistory(DemoDevice device) {
        List<String> history = new ArrayList<>(List.of("DeviceRegisteredEvent", "DeviceGroupChangedEvent"));
        DemoDevices.tagsOf(device).forEach(tag -> history.add("DeviceTagAddedEvent"));
        return history;
    }

    /** Each demo device's DNS name and the group its DeviceGroupChangedEvent put it in. */
    private static Map<String, String> groupsOf(JdbcTemplate jdbc) throws Exception {
        Map<String, String> groups = new java.util.HashMap<>();
        for (DemoDevice device : DemoDevices.ALL) {
            byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ?"
                    + " and sequence_number = 1", byte[].class, device.id());
            JsonNode changed = JSON.readTree(payload);
            assertThat(changed.get("reason").asText()).startsWith("Group rule of ");
            groups.put(device.computerDnsName(), changed.get("groupName").asText());
        }
        return groups;
    }

    private static CompletableFuture<Map<RegistrationOutcome, Integer>> seedAfter(CountDownLatch go,
                                                                               ConfigurableApplicationContext c,
                                                                               ExecutorService pool) {
        DemoDeviceSeeder seeder = c.getBean(DemoDeviceSeeder.class);
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return seeder.seed();
        }, pool);
    }

    private static String registrationBody(DemoDevice d) throws Exception {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("computerDnsName", d.computerDnsName());
        body.put("osPlatform", d.osPlatform().name());
        body.put("osBuild", d.osBuild());
        body.put("version", d.version());
        body.put("aadDeviceId", d.aadDeviceId());
        body.put("riskScore", d.riskScore().name());
        body.put("exposureLevel", d.exposureLevel().name());
        return JSON.writeValueAsString(body);
    }

    private static long allEvents(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static ConfigurableApplicationContext start(TestDatabase db, boolean seed) {
        return CommandSideInstances.start(db, brokers(), List.of(), "--cordon.demo.seed-devices=" + seed);
    }

    private static String brokers() {
        return EmbeddedKafkaCondition.getBroker().getBrokersAsString();
    }
}
