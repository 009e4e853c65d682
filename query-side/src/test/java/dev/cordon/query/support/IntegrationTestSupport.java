package dev.cordon.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.kafka.KafkaContract;
import dev.cordon.query.QuerySideApplication;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.service.testing.TestSigning;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Base of the integration tests: real PostgreSQL, a real in-process KRaft broker, the app on a random port.
 * Every subclass inherits the same configuration, so Spring's test context cache starts the app, the broker
 * and the databases once per test run; tests stay apart by using fresh device and action ids.
 */
// The tests call as one client, far more often than Defender's 100 machine-action calls a minute allow; the limit
// itself is shown with its defaults by the command side's TwoReplicasIT.
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cordon.rate-limits.machine-actions.per-minute=1000000",
                "cordon.rate-limits.machine-actions.per-hour=10000000"})
@AutoConfigureObservability(tracing = false) // tests turn metrics export off unless asked; OperationsIT reads them
@EmbeddedKafka(kraft = true, partitions = 3, topics = KafkaContract.DEFAULT_TOPIC,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class IntegrationTestSupport {

    /** The query side's own database, created here (not by the app) and dropped when the JVM exits. */
    protected static final String QUERY_DB = TestDatabases.create("cordon_query_it");
    /** Relative to the query-side module directory, the tests' working directory. */
    private static final Path COMMAND_SIDE_MIGRATIONS =
            Path.of("../command-side/src/main/resources/db/migration/postgresql");
    /** Stands in for the command side's event store, made by the command side's own migrations. */
    protected static final String EVENT_STORE_DB = createEventStore();

    /**
     * One producer per broker: a subclass with properties of its own (the dashboard's sign-in tests) runs in an app
     * context, and so against a broker, of its own, while the cached contexts stay up beside it. A producer kept from
     * whichever context came first would send the others' records to its broker, projected by its app.
     */
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url(QUERY_DB));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("cordon.query.event-store.url", () -> TestDatabases.url(EVENT_STORE_DB));
    }

    /** Runs the real migration files, in version order, so that a change on the command side shows here. */
    public static String createEventStore() {
        String name = TestDatabases.create("cordon_events_it");
        try (Stream<Path> files = Files.list(COMMAND_SIDE_MIGRATIONS)) {
            List<Path> migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(IntegrationTestSupport::version)).toList();
            if (migrations.isEmpty()) {
                throw new IllegalStateException("No migrations in " + COMMAND_SIDE_MIGRATIONS.toAbsolutePath());
            }
            for (Path migration : migrations) {
                TestDatabases.execute(name, Files.readString(migration));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    private static int version(Path migration) {
        String file = migration.getFileName().toString();
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Produces a raw value with the device id as key, as the command side does, and waits for the ack. */
    protected void produce(String key, String value) {
        try {
            producer().send(TestSigning.signed(new ProducerRecord<>(KafkaContract.DEFAULT_TOPIC, key, value))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<String, String> producer() {
        return PRODUCERS.computeIfAbsent(broker.getBrokersAsString(), brokers -> {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        });
    }

    protected DeviceStream newDevice() {
        return new DeviceStream(newId("dev"));
    }

    /** A device whose id (and so its name, in TestEvents) starts with {@code prefix}: found by one search. */
    protected DeviceStream newDevice(String prefix) {
        return new DeviceStream(newId(prefix));
    }

    /** One device's event stream: numbers the events as the aggregate would and keeps what it produced. */
    protected class DeviceStream {

        public final String id;
        private final List<String> produced = new ArrayList<>();

        DeviceStream(String id) {
            this.id = id;
        }

        public String send(DeviceEvent event) {
            String value = TestEvents.cloudEventJson(event, produced.size());
            produced.add(value);
            produce(id, value);
            return value;
        }

        public void resend(long sequence) {
            produce(id, produced.get((int) sequence));
        }
    }

    /** A response read off a plain socket. */
    protected record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /**
     * Sends {@code target} exactly as given (java.net.URI refuses a malformed escape before anything is sent).
     * HTTP/1.0, so that the body comes unchunked and the server closes the connection.
     */
    protected RawResponse rawGet(String target, String requestId) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.0\r\nHost: localhost\r\nX-Request-ID: " + requestId
                    + "\r\nAuthorization: " + TestIssuer.bearer() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, split).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim(), head[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers, response.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected ResponseEntity<JsonNode> get(String path, String... queryNamesAndValues) {
        return exchange(HttpMethod.GET, path, new HttpHeaders(), queryNamesAndValues);
    }

    /** Query values are encoded strictly (quotes, spaces, '+', parentheses) the way a careful client does. */
    protected ResponseEntity<JsonNode> exchange(HttpMethod method, String path, HttpHeaders headers,
                                                String... queryNamesAndValues) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(baseUrl() + path);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < queryNamesAndValues.length; i += 2) {
            uri.queryParam(queryNamesAndValues[i], "{v" + i + "}");
            values.put("v" + i, queryNamesAndValues[i + 1]);
        }
        return rest.exchange(uri.encode().buildAndExpand(values).toUri(), method, new HttpEntity<>(headers),
                JsonNode.class);
    }
}
