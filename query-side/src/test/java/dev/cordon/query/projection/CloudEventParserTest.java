package dev.cordon.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.bulk.BulkActionDispatchedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.RiskScore;
import dev.cordon.query.support.TestEvents;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** A bulk action's own event is known (no warning of an unknown type) but has no device read model. */
    @Test
    void read_whenABulkActionsEvent_isKnownWithoutReadModel() throws Exception {
        String value = TestEvents.cloudEventJson(new BulkActionDispatchedEvent("bulk-1", 2, 1, TestEvents.at(5)), 0);
        ParsedRecord read = parser.read(value, "t-0@0");
        assertThat(read.isWithoutReadModel()).isTrue();
        assertThat(read.withoutReadModel()).isEqualTo("BulkActionDispatchedEvent");
        assertThat(read.deviceEvent()).isEmpty();
        assertThat(parser.parse(value, "t-0@0")).isEmpty();
        ObjectNode unknown = validTree();
        unknown.put("type", "dev.cordon.device.DeviceQuarantined");
        assertThat(parser.read(unknown.toString(), "t-0@0").isWithoutReadModel()).isFalse();
    }

    /** A bulk's isolation request carries its bulk id; one of an older revision has none. */
    @Test
    void parse_anIsolationOfABulk_keepsItsBulkId() {
        String value = TestEvents.cloudEventJson(TestEvents.isolationRequested("dev-1", "act-1", IsolationType.Full,
                TestEvents.at(0), "bulk-7"), 3);
        assertThat(((DeviceIsolationRequestedEvent) parser.parse(value, "t-0@0").orElseThrow().event()).bulkId())
                .isEqualTo("bulk-7");
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

    @ParameterizedTest
    @ValueSource(strings = {"/data/computerDnsName", "/data/comment", "/data/requestor", "/id", "/source"})
    void parse_whenAStringHoldsNul_isPoison(String pointer) throws Exception {
        ObjectNode tree = validTree();
        JsonPointer at = JsonPointer.compile(pointer);
        ((ObjectNode) tree.at(at.head())).put(at.last().getMatchingProperty(), "laptop\u0000-042");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("U+0000");
    }

    @Test
    void parse_whenNulInNestedOrUnknownField_isPoison() throws Exception {
        ObjectNode tree = validTree();
        ((ObjectNode) tree.get("data")).putObject("addedLater").putArray("tags").add("ok").add("x\u0000");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("data.addedLater.tags[1]");
        ObjectNode named = validTree();
        ((ObjectNode) named.get("data")).put("a\u0000b", "x");
        assertThatThrownBy(() -> parser.parse(named.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("U+0000");
    }

    @ParameterizedTest
    // The isolation request is at revision 3 since bulk actions: 4 is one this version does not know.
    @ValueSource(strings = {"4", "0", "", "1.0", "v1"})
    void parse_whenRevisionIsNeitherTheCatalogsNorAnOlderOne_isPoison(String revision) throws Exception {
        ObjectNode tree = validTree();
        tree.put("revision", revision);
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("revision");
    }

    @Test
    void parse_whenRevisionIsNewerForAnEventThatNeverChanged_isPoison() throws Exception {
        ObjectNode tree = (ObjectNode) TestEvents.MAPPER.readTree(TestEvents.cloudEventJson(
                TestEvents.released("dev-1", "act-1", TestEvents.at(0)), 0));
        tree.put("revision", "2");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("reads revisions 1");
    }

    /** Published before any inventory reported an assessment: Defender's no-data value. */
    @Test
    void parse_whenRegisteredAtRevision1_readsNoRiskScoreOrExposureLevel() throws Exception {
        ObjectNode tree = (ObjectNode) TestEvents.MAPPER.readTree(TestEvents.cloudEventJson(
                TestEvents.registered("dev-1", RiskScore.High, ExposureLevel.High, TestEvents.at(0)), 0));
        tree.put("revision", "1").put("dataschema", "urn:cordon:events:DeviceRegisteredEvent:1");
        ((ObjectNode) tree.get("data")).remove("riskScore");
        ((ObjectNode) tree.get("data")).remove("exposureLevel");

        RecordedEvent recorded = parser.parse(tree.toString(), "t-0@0").orElseThrow();

        assertThat(recorded.event()).isEqualTo(TestEvents.registered("dev-1", TestEvents.at(0)));
        assertThat(((DeviceRegisteredEvent) recorded.event()).riskScore()).isEqualTo(RiskScore.None);
    }

    @ParameterizedTest
    @CsvSource({"Full, 0", "Selective, 3"})
    void parse_whenIsolationRequestedAtRevision1_isUpcastToTheCurrentRecord(IsolationType type, int apps)
            throws Exception {
        ObjectNode tree = (ObjectNode) TestEvents.MAPPER.readTree(TestEvents.cloudEventJson(
                TestEvents.isolationRequested("dev-1", "act-1", type, TestEvents.at(0)), 4, "evt-4"));
        tree.put("revision", "1").put("dataschema", "urn:cordon:events:DeviceIsolationRequestedEvent:1");
        ((ObjectNode) tree.get("data")).remove("keptConnectedApplications");

        RecordedEvent recorded = parser.parse(tree.toString(), "t-0@0").orElseThrow();

        assertThat(recorded.event()).isEqualTo(TestEvents.isolationRequested("dev-1", "act-1", type, TestEvents.at(0)));
        assertThat(((DeviceIsolationRequestedEvent) recorded.event()).keptConnectedApplications()).hasSize(apps);
    }

    @Test
    void parse_whenIsolationRequestedAtRevision1HasNoIsolationType_isPoison() throws Exception {
        ObjectNode tree = validTree();
        tree.put("revision", "1");
        ((ObjectNode) tree.get("data")).remove("isolationType");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("isolationType");
    }

    @Test
    void parse_whenTheCurrentRevisionLacksTheListItAlwaysCarries_isPoison() throws Exception {
        ObjectNode tree = validTree();
        ((ObjectNode) tree.get("data")).remove("keptConnectedApplications");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("DeviceIsolationRequestedEvent");
    }

    @Test
    void parse_whenRevisionMissing_isPoison() throws Exception {
        ObjectNode tree = validTree();
        tree.remove("revision");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("revision");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancelled", "timedOut", "started"})
    void parse_whenActionTypeMissing_isPoison(String kind) throws Exception {
        DeviceEvent event = switch (kind) {
            case "cancelled" -> TestEvents.cancelled("dev-1", "act-1", ActionType.Isolate, TestEvents.at(1));
            case "timedOut" -> TestEvents.timedOut("dev-1", "act-1", ActionType.Isolate, TestEvents.at(1));
            default -> TestEvents.started("dev-1", "act-1", ActionType.Isolate, TestEvents.at(1));
        };
        ObjectNode tree = (ObjectNode) TestEvents.MAPPER.readTree(TestEvents.cloudEventJson(event, 2));
        assertThat(parser.parse(tree.toString(), "t-0@0")).isPresent();
        ((ObjectNode) tree.get("data")).remove("actionType");
        assertThatThrownBy(() -> parser.parse(tree.toString(), "t-0@0")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("actionType");
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
