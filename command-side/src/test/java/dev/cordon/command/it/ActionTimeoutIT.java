package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static dev.cordon.command.support.CommandSideInstances.api;
import static dev.cordon.command.support.CommandSideInstances.jdbc;

import dev.cordon.command.support.CommandSideInstances;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** An action not final in time becomes TimeOut; the deadline is persisted, so it fires after a restart too. */
@EmbeddedKafka(kraft = true, partitions = 3)
class ActionTimeoutIT {

    private static final TestDatabase DB = TestDatabase.create("cordon_cmd_timeout");

    @Test
    void timeout_firesAfterARestart_andIsCancelledWhenTheActionEnds() {
        String device = "timeout" + UUID.randomUUID().toString().replace("-", "");
        String timedOut;
        // The first instance's shutdown is slow after Axon stopped, and the deadline falls due in that window.
        try (ConfigurableApplicationContext first = start(SlowShutdownAfterAxon.class)) {
            HttpApi api = api(first);
            api.register(device, "host-t", "Windows11", "22631");
            timedOut = api.isolate(device, "Full").body().get("id").asText();
            assertThat(scheduledDeadlines(first)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpApi api = api(second);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(eventTypes(second, device)).endsWith("MachineActionTimedOutEvent"));
            assertThat(api.isolate(device, "Full").status()).as("the device is NotIsolated again").isEqualTo(201);
            String succeeded = jdbc(second).queryForObject(
                    "select action_id from action_index where device_id = ? and status = 'Pending'", String.class,
                    device);
            api.report(succeeded, "Succeeded");
            assertThat(scheduledDeadlines(second)).as("ended action's deadline is cancelled").isZero();
            assertThat(jdbc(second).queryForObject("select count(*) from action_deadlines", Integer.class))
                    .as("the ids of the fired and the cancelled deadline are forgotten").isZero();
            assertThat(api.report(timedOut, "Succeeded").body().at("/error/code").asText())
                    .isEqualTo("InvalidActionState");
        }
        try (ConfigurableApplicationContext third = start()) {
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(eventTypes(third, device)).containsExactly("DeviceRegisteredEvent", "DeviceGroupChangedEvent",
                            "DeviceIsolationRequestedEvent", "MachineActionTimedOutEvent",
                            "DeviceIsolationRequestedEvent", "DeviceIsolatedEvent"));
        }
    }

    /** Stops after Axon (lower phase) and takes longer than the action timeout to do so. */
    static class SlowShutdownAfterAxon implements SmartLifecycle {
        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return 0;
        }
    }

    private static ConfigurableApplicationContext start(Class<?>... extraSources) {
        return CommandSideInstances.start(DB, EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
                List.of(extraSources), "--cordon.actions.timeout=PT3S", "--db-scheduler.polling-interval=500ms");
    }

    private static int scheduledDeadlines(ConfigurableApplicationContext context) {
        return jdbc(context).queryForObject("select count(*) from scheduled_tasks", Integer.class);
    }

    private static List<String> eventTypes(ConfigurableApplicationContext context, String device) {
        return CommandSideInstances.eventTypes(jdbc(context), device);
    }
}
