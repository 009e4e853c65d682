package dev.cordon.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.support.HttpApi;
import dev.cordon.command.support.IntegrationTestSupport;
import dev.cordon.command.support.TopicReader;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.KafkaContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every stored event reaches the topic as a CloudEvent, in per-device order, also across a publisher restart. */
class KafkaPublicationIT extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void topic_holdsEveryStoredEventAsACloudEvent_inDeviceOrder_acrossAPublisherRestart() {
        HttpApi api = api();
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "dev" + i + UUID.randomUUID().toString().replace("-", "");
            devices.add(id);
            api.register(id, "host-" + i, "Windows11", "22631");
            String isolation = api.isolate(id, i % 2 == 0 ? "Full" : "Selective").body().get("id").asText();
            api.report(isolation, "InProgress");
            api.report(isolation, "Succeeded");
        }

        EventProcessor publisher = processing.eventProcessor("kafka-publisher").orElseThrow();
        publisher.shutDown();
        for (String id : devices) {
            String release = api.release(id).body().get("id").asText();
            api.report(release, "Succeeded");
        }
        publisher.start();

        // The app, its store and its topic are shared with the other integration tests: this test's devices only.
        Map<String, String> storedTypeById = new HashMap<>();
        jdbc.query("select event_identifier, payload_type from domain_event_entry where aggregate_identifier = any (?)",
                rs -> {
                    storedTypeById.put(rs.getString(1), rs.getString(2));
                }, (Object) devices.toArray(String[]::new));
        assertThat(storedTypeById).hasSize(6 * 7);

        List<ConsumerRecord<String, String>> records = readTopicUntil(storedTypeById.keySet()).stream()
                .filter(record -> devices.contains(record.key())).toList();
        Map<String, Long> lastSequence = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode ce = read(record.value());
            assertThat(ce.get("specversion").asText()).isEqualTo("1.0");
            assertThat(ce.get("subject").asText()).isEqualTo(record.key());
            assertThat(ce.get("source").asText()).isEqualTo("urn:cordon:command-side");
            assertThat(ce.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(Instant.parse(ce.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
            String eventId = ce.get("id").asText();
            String storedType = storedTypeById.get(eventId);
            assertThat(storedType).as("event %s is stored", eventId).isNotNull();
            EventCatalog.Entry entry = EventCatalog.byCloudEventType(ce.get("type").asText()).orElseThrow();
            assertThat(entry.eventClass().getName()).isEqualTo(storedType);
            assertThat(ce.get("dataschema").asText()).isEqualTo(entry.dataSchema());
            assertThat(ce.get("data").get("deviceId").asText()).isEqualTo(record.key());
            assertThat(new String(record.headers().lastHeader(KafkaContract.CONTENT_TYPE_HEADER).value(),
                    StandardCharsets.UTF_8)).startsWith("application/cloudevents+json");
            long sequence = ce.get("sequence").asLong();
            Long previous = lastSequence.put(record.key(), sequence);
            assertThat(sequence).as("sequence of %s", record.key()).isEqualTo(previous == null ? 0 : previous + 1);
            seen.add(eventId);
        }
        assertThat(seen).isEqualTo(storedTypeById.keySet());
        assertThat(lastSequence.keySet()).containsExactlyInAnyOrderElementsOf(devices);
    }

    /** The topic the command side creates keeps the whole history (cordon.kafka.retention defaults to unbounded). */
    @Test
    void topic_createdByTheCommandSide_keepsRecordsWithoutLimit() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, KafkaContract.DEFAULT_TOPIC);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Config config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
        }
    }

    private List<ConsumerRecord<String, String>> readTopicUntil(Set<String> eventIds) {
        return TopicReader.readUntil(brokers, KafkaContract.DEFAULT_TOPIC, Duration.ofSeconds(60), records -> records
                .stream().map(r -> read(r.value()).get("id").asText()).collect(Collectors.toSet()).containsAll(eventIds));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
