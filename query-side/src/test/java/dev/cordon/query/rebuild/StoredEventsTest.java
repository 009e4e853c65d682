package dev.cordon.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.query.projection.CloudEventParser;
import dev.cordon.query.projection.RecordedEvent;
import dev.cordon.query.support.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEventsTest {

    private final CloudEventParser parser = new CloudEventParser();

    /** When the rows below were stored: the CloudEvent {@code time} the publisher gives their Kafka records. */
    private static final String STORED_AT = "2024-01-01T00:00:05.123Z";

    private static StoredEvents.Row row(DeviceEvent event, long sequence, String revision) throws Exception {
        return new StoredEvents.Row(17, "evt-" + sequence, event.deviceId(), sequence, STORED_AT,
                event.getClass().getName(), revision, TestEvents.MAPPER.writeValueAsBytes(event));
    }

    /** Every published event type reads back from its stored row exactly as from its Kafka record. */
    @Test
    void toCloudEventJson_readsAsTheKafkaRecordOfTheSameEvent() throws Exception {
        List<DeviceEvent> events = List.of(
                TestEvents.registered("dev-1", TestEvents.at(0)),
                TestEvents.detailsUpdated("dev-1", "laptop-7", TestEvents.at(1)),
                TestEvents.isolationRequested("dev-1", "act-1", IsolationType.Selective, TestEvents.at(2)),
                TestEvents.started("dev-1", "act-1", ActionType.Isolate, TestEvents.at(3)),
                TestEvents.isolated("dev-1", "act-1", IsolationType.Selective, TestEvents.at(4)),
                TestEvents.isolationFailed("dev-1", "act-1", 5, TestEvents.at(4)),
                TestEvents.releaseRequested("dev-1", "act-2", TestEvents.at(5)),
                TestEvents.released("dev-1", "act-2", TestEvents.at(6)),
                TestEvents.releaseFailed("dev-1", "act-2", 5, TestEvents.at(6)),
                TestEvents.cancelled("dev-1", "act-2", ActionType.Unisolate, TestEvents.at(7)),
                TestEvents.timedOut("dev-1", "act-2", ActionType.Unisolate, TestEvents.at(8)),
                TestEvents.tagAdded("dev-1", "VIP", TestEvents.at(9)),
                TestEvents.tagRemoved("dev-1", "VIP", TestEvents.at(10)),
                TestEvents.groupChanged("dev-1", 2, "Servers", null, TestEvents.at(11)));
        assertThat(events).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(
                EventCatalog.deviceEntries().stream().map(EventCatalog.Entry::eventClass).toList());
        for (int sequence = 0; sequence < events.size(); sequence++) {
            DeviceEvent event = events.get(sequence);
            RecordedEvent fromStore = parser.parse(StoredEvents.toCloudEventJson(row(event, sequence, "1")), "s")
                    .orElseThrow();
            RecordedEvent fromKafka = parser.parse(TestEvents.cloudEventJson(event, sequence, "evt-" + sequence,
                    Instant.parse(STORED_AT)), "k").orElseThrow();
            assertThat(fromStore).isEqualTo(fromKafka);
        }
    }

    @Test
    void toCloudEventJson_carriesTheStoredEnvelope() throws Exception {
        JsonNode cloudEvent = TestEvents.MAPPER.readTree(StoredEvents.toCloudEventJson(
                row(TestEvents.registered("dev-1", TestEvents.at(0)), 3, "1")));

        assertThat(cloudEvent.get("id").asText()).isEqualTo("evt-3");
        assertThat(cloudEvent.get("type").asText()).isEqualTo("dev.cordon.device.DeviceRegistered");
        assertThat(cloudEvent.get("subject").asText()).isEqualTo("dev-1");
        assertThat(cloudEvent.get("sequence").asLong()).isEqualTo(3);
        assertThat(cloudEvent.get("time").asText()).isEqualTo("2024-01-01T00:00:05.123Z");
        assertThat(cloudEvent.get("dataschema").asText()).isEqualTo("urn:cordon:events:DeviceRegisteredEvent:1");
    }

    /** An older revision reaches the entry point as stored, where upcasting (or refusing) it is decided. */
    @Test
    void toCloudEventJson_keepsTheStoredRevision() throws Exception {
        JsonNode cloudEvent = TestEvents.MAPPER.readTree(StoredEvents.toCloudEventJson(
                row(TestEvents.registered("dev-1", TestEvents.at(0)), 0, "0")));
        assertThat(cloudEvent.get("revision").asText()).isEqualTo("0");
        assertThat(cloudEvent.get("dataschema").asText()).endsWith(":0");
    }

    @Test
    void toCloudEventJson_whenPayloadTypeUnknown_isSkippedByTheParserAsTheLiveConsumerWould() {
        StoredEvents.Row row = new StoredEvents.Row(1, "evt-1", "dev-1", 0, "2024-01-01T00:00:00Z",
                "dev.cordon.events.device.DeviceQuarantinedEvent", "1", "{}".getBytes(StandardCharsets.UTF_8));
        String value = StoredEvents.toCloudEventJson(row);
        assertThat(value).contains("\"type\":\"dev.cordon.device.DeviceQuarantined\"");
        assertThat(parser.parse(value, "s")).isEmpty();
    }

    @Test
    void toCloudEventJson_whenPayloadIsNotJson_isRejected() {
        StoredEvents.Row row = new StoredEvents.Row(1, "evt-1", "dev-1", 0, "2024-01-01T00:00:00Z",
                "dev.cordon.events.device.DeviceRegisteredEvent", "1",
                "<xml/>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> StoredEvents.toCloudEventJson(row)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evt-1");
    }
}
