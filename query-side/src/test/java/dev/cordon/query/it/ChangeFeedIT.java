package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.QuerySideApplication;
import dev.cordon.query.support.PrometheusScrape;
import dev.cordon.query.support.SseClient.Event;
import dev.cordon.query.support.SseClient;
import dev.cordon.query.support.TestDatabases;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.service.testing.TestSigning;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The change feed on PostgreSQL with two query-side instances on one read-model database, as replicas run: each
 * consumes a topic of its own here, so that which instance projects an event is the test's choice. A subscriber
 * must hear of every event, whichever instance projected it, and only once the read models show it.
 */
@EmbeddedKafka(kraft = true, partitions = 1, topics = {ChangeFeedIT.TOPIC_A, ChangeFeedIT.TOPIC_B})
class ChangeFeedIT {

    static final String TOPIC_A = "cordon.device-events.changes-a";
    static final String TOPIC_B = "cordon.device-events.changes-b";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String queryDb;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() {
        queryDb = TestDatabases.create("cordon_query_changes_it");
        String brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        a = instance(brokers, TOPIC_A, "cordon-query-changes-a", "--cordon.query.changes.max-subscribers=50");
        // B takes one stream: its limit is tested on it.
        b = instance(brokers, TOPIC_B, "cordon-query-changes-b", "--cordon.query.changes.max-subscribers=1");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static ConfigurableApplicationContext instance(String brokers, String topic, String group,
                                                           String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + TestDatabases.url(queryDb),
                "--spring.datasource.username=" + TestDatabases.USER, "--spring.datasource.password=",
                "--cordon.query.event-store.enabled=false", "--spring.kafka.bootstrap-servers=" + brokers,
                "--cordon.kafka.topic=" + topic, "--cordon.query.consumer-group=" + group,
                // Short, so that a closed stream is found within the test.
                "--cordon.query.changes.heartbeat=300ms",
                "--cordon.security.issuer-uri=" + TestIssuer.get().issuer(),
                "--cordon.kafka.signing-keys=" + TestSigning.KEYS));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(QuerySideApplication.class).run(args.toArray(String[]::new));
    }

    /** Kafka's own default (consumer-<group>-1) was the same on every replica of a group. */
    @Test
    void eachInstance_consumesUnderItsOwnKafkaClientId() {
        Object idA = clientId(a);
        assertThat(idA).isNotNull().isNotEqualTo(clientId(b));
        assertThat(idA.toString()).startsWith("cordon-").doesNotStartWith("consumer-");
    }

    private static Object clientId(ConfigurableApplicationContext instance) {
        return instance.getBean("kafkaConsumerFactory", ConsumerFactory.class).getConfigurationProperties()
                .get(ConsumerConfig.CLIENT_ID_CONFIG);
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void eventProjectedHere_isAnnouncedAfterTheReadModelShowsIt() throws Exception {
        String device = newId("dev");
        String isolation = UUID.randomUUID().toString();
        try (SseClient stream = SseClient.connect(url(a))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.next(WAIT)).isEqualTo(new Event("ready", "{}"));
            assertThat(stream.lines()).startsWith("retry: 3000", "event: ready", "data: {}", "");

            // One event at a time, each read on receipt: the state must already be there, or the notification
            // came before the commit.
            produce(TOPIC_A, device, 0, TestEvents.registered(device, at(0)));
            Event registered = stream.next(change(device, "DeviceRegistered"), WAIT);
            assertThat(JSON.readTree(registered.data())).isEqualTo(JSON.readTree(
                    "{\"machineId\":\"" + device + "\",\"actionId\":null,\"eventType\":\"DeviceRegistered\"}"));
            produce(TOPIC_A, device, 1, TestEvents.isolationRequested(device, isolation, IsolationType.Full, at(10)));
            stream.next(change(device, "DeviceIsolationRequested"), WAIT);
            assertThat(status(a, isolation)).isEqualTo("Pending");
            produce(TOPIC_A, device, 2, TestEvents.started(device, isolation, ActionType.Isolate, at(20)));
            stream.next(change(device, "MachineActionStarted"), WAIT);
            assertThat(status(a, isolation)).isEqualTo("InProgress");
            produce(TOPIC_A, device, 3, TestEvents.isolated(device, isolation, IsolationType.Full, at(30)));
            Event isolated = stream.next(change(device, "DeviceIsolated"), WAIT);
            assertThat(status(a, isolation)).isEqualTo("Succeeded");
            assertThat(isolated.data()).isEqualTo("{\"machineId\":\"" + device + "\",\"actionId\":\"" + isolation
                    + "\",\"eventType\":\"DeviceIsolated\"}");
        }
    }

    @Test
    void eventProjectedByTheOtherInstance_reachesASubscriberHere() throws Exception {
        String device = newId("dev");
        String isolation = UUID.randomUUID().toString();
        try (SseClient stream = SseClient.connect(url(a))) {
            assertThat(stream.next(WAIT).name()).isEqualTo("ready");

            produceAll(TOPIC_B, device, List.of(TestEvents.registered(device, at(0)),
                    TestEvents.isolationRequested(device, isolation, IsolationType.Selective, at(10))));

            stream.next(change(device, "DeviceRegistered"), WAIT);
            stream.next(change(device, "DeviceIsolationRequested"), WAIT);
            assertThat(status(a, isolation)).isEqualTo("Pending");
        }
    }

    @Test
    void beyondTheSubscriberLimit_503ServiceUnavailable_untilAStreamCloses() throws Exception {
        try (SseClient first = SseClient.connect(url(b))) {
            assertThat(first.next(WAIT).name()).isEqualTo("ready");
            assertThat(subscribersGauge(b)).isEqualTo(1);

            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(url(b) + "/api/changes"))
                    .header("Accept", "text/event-stream").header("X-Request-ID", "changes-limit")
                    .header("Authorization", TestIssuer.bearer()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode error = JSON.readTree(refused.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("ServiceUnavailable");
            assertThat(error.get("target").asText()).isEqualTo("changes-limit");
        }
        // The closed stream is found by a heartbeat's failed write and removed; then there is room again.
        Awaitility.await().atMost(WAIT).until(() -> subscribersGauge(b) == 0);
        try (SseClient again = SseClient.connect(url(b))) {
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.next(WAIT).name()).isEqualTo("ready");
        }
    }

    @Test
    void listenConnectionLost_subscribersAreToldToReset_andChangesFlowAgain() {
        String device = newId("dev");
        try (SseClient stream = SseClient.connect(url(a))) {
            assertThat(stream.next(WAIT).name()).isEqualTo("ready");

            TestDatabases.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = '" + queryDb + "' AND application_name = 'cordon-query-changes'");

            stream.next(event -> event.name().equals("reset"), WAIT);
            produceAll(TOPIC_B, device, List.of(TestEvents.registered(device, at(0))));
            stream.next(change(device, "DeviceRegistered"), WAIT);
        }
    }

    // --- helpers ---

    private static java.util.function.Predicate<Event> change(String device, String eventType) {
        return event -> {
            if (!event.name().equals("change")) {
                return false;
            }
            try {
                JsonNode data = JSON.readTree(event.data());
                return data.get("machineId").asText().equals(device)
                        && data.get("eventType").asText().equals(eventType);
            } catch (IOException e) {
                throw new AssertionError("change data is not JSON: " + event.data(), e);
            }
        };
    }

    private static String status(ConfigurableApplicationContext instance, String actionId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(url(instance) + "/api/machineactions/" + actionId))
                .header("Authorization", TestIssuer.bearer()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("status").asText();
    }

    private static double subscribersGauge(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(url(instance) + "/actuator/prometheus")).header("Authorization", TestIssuer.bearer())
                .build(), HttpResponse.BodyHandlers.ofString());
        return new PrometheusScrape(response.body()).value("cordon_change_subscribers");
    }

    private static String url(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static void produceAll(String topic, String device, List<DeviceEvent> events) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            produce(topic, device, sequence, events.get(sequence));
        }
    }

    private static void produce(String topic, String device, long sequence, DeviceEvent event) {
        try {
            producer.send(TestSigning.signed(new ProducerRecord<>(topic, device, TestEvents.cloudEventJson(event, sequence)))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
