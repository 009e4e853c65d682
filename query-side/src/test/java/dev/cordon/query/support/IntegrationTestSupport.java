package dev.cordon.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.kafka.KafkaContract;
import dev.cordon.query.QuerySideApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 3, topics = KafkaContract.DEFAULT_TOPIC,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class IntegrationTestSupport {

    /** The query side's own database, created here (not by the app) and dropped when the JVM exits. */
    protected static final String QUERY_DB = TestDatabases.create("cordon_query_it");
    /** Stands in for the command side's event store: its two tables, as the command side creates them. */
    protected static final String EVENT_STORE_DB = createEventStore();

    private static KafkaProducer<String, String> producer;

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

    private static String createEventStore() {
        String name = TestDatabases.create("cordon_events_it");
        TestDatabases.execute(name, """
                create table action_index(action_id varchar(64) primary key, device_id varchar(255) not null,
                    action_type varchar(16) not null, created_at timestamptz not null);
                create table domain_event_entry(global_index bigserial primary key,
                    event_identifier varchar(255) not null unique, aggregate_identifier varchar(255) not null,
                    sequence_number bigint not null, type varchar(255), payload_type varchar(255) not null,
                    payload_revision varchar(255), payload bytea not null, meta_data bytea,
                    time_stamp varchar(255) not null, unique(aggregate_identifier, sequence_number));
                """);
        return name;
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
            producer().send(new ProducerRecord<>(KafkaContract.DEFAULT_TOPIC, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    protected DeviceStream newDevice() {
        return new DeviceStream(newId("dev"));
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
