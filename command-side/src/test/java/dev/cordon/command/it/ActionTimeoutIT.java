package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cordon.command.CommandSideApplication;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
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
        try (ConfigurableApplicationContext first = start()) {
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
            String succeeded = new JdbcTemplate(second.getBean(javax.sql.DataSource.class)).queryForObject(
                    "select action_id from action_index where device_id = ? and status = 'Pending'", String.class,
                    device);
            api.report(succeeded, "Succeeded");
            assertThat(scheduledDeadlines(second)).as("ended action's deadline is cancelled").isZero();
            assertThat(api.report(timedOut, "Succeeded").body().at("/error/code").asText())
                    .isEqualTo("InvalidActionState");
        }
        try (ConfigurableApplicationContext third = start()) {
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(eventTypes(third, device)).containsExactly("DeviceRegisteredEvent",
                            "DeviceIsolationRequestedEvent", "MachineActionTimedOutEvent",
                            "DeviceIsolationRequestedEvent", "DeviceIsolatedEvent"));
        }
    }

    private static ConfigurableApplicationContext start() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        return new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + DB.url(),
                "--spring.datasource.username=" + DB.user(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--cordon.actions.timeout=PT3S",
                "--db-scheduler.polling-interval=500ms");
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new HttpApi("http://127.0.0.1:" + port);
    }

    private static int scheduledDeadlines(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
                .queryForObject("select count(*) from scheduled_tasks", Integer.class);
    }

    private static List<String> eventTypes(ConfigurableApplicationContext context, String device) {
        return new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForList(
                "select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, device).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }
}
