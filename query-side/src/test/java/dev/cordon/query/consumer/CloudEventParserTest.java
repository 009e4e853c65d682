package dev.cordon.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.support.TestEvents;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventParserTest {

    private final CloudEventParser parser = new CloudEventParser();

    private static ObjectNode validTree() throws Exception {
        return (ObjectNode) TestEvents.MAPPER.readTree(TestEvents.cloudEventJson(
                TestEvents.isolationRequested("dev-1", "act-1", IsolationType.Full, TestEvents.at(0)), 4, "evt-4"));
    }

    @Test
    void parse_whenValidCloudEvent_yieldsRecordedEvent() throws Exception {
        RecordedEvent recorded = parser.parse(validTree().toString(), "t-0@0").orElseThrow();
        assertThat(recorded.eventId()).isEqualTo("evt-4");
        assertThat(recorded.sequence()).isEqualTo(4);
        assertThat(recorded.event()).isEqualTo(
                TestEvents.isolationRequested("dev-1", "act-1", IsolationType.Full, TestEvents.at(0)));
    }

    @Test
    void parse_whenDataHasFieldsFromANewerProducer_ignoresThem() throws Exception {
        ObjectNode tree = validTree();
        ((ObjectNode) tree.get("data")).put("addedLater", "x");
        assertThat(parser.parse(tree.toString(), "t-0@0").orElseThrow().event())
                .isInstanceOf(DeviceIsolationRequestedEvent.class);
    }

    @Test
    void parse_whenTypeUnknown_isSkipped() throws Exception {
        ObjectNode tree = validTree();
        tree.put("type", "dev.cordon.device.DeviceQuarantined");
        assertThat(parser.parse(tree.toString(), "t-0@0")).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "42", "{}", "{\"id\":\"x\",\"type\":\"t\",\"sequence\":0}"})
    void parse_whenNotACloudEvent_isPoison(String value) {
        assertThatThrownBy(() -> parser.parse(value, "t-0@0")).isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void parse_whenValueMissing_isPoison() {
        assertThatThrownBy(() -> parser.parse(null, "t-0@0")).isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void parse_whenSequenceMissingOrNegative_isPoison() throws Exception {
        ObjectNode tree = validTree();
        tree.remove("sequence");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("sequence");
        tree.put("sequence", -1);
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void parse_whenEnumValueInvalid_isPoison() throws Exception {
        ObjectNode tree = validTree();
        ((ObjectNode) tree.get("data")).put("isolationType", "Partial");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("DeviceIsolationRequestedEvent");
    }

    @Test
    void parse_whenIdsOrTimestampMissing_isPoison() throws Exception {
        for (String field : new String[] {"deviceId", "actionId", "requestedAt"}) {
            ObjectNode tree = validTree();
            ((ObjectNode) tree.get("data")).remove(field);
            assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0"))
                    .as(field).isInstanceOf(PoisonRecordException.class);
        }
    }
}
