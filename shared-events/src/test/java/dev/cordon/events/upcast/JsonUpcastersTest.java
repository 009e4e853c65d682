package dev.cordon.events.upcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.device.DeviceDetailsUpdatedEvent;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.RiskScore;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonUpcastersTest {

    private static final ObjectMapper MAPPER = EventJson.newMapper();
    private static final EventCatalog.Entry REQUESTED = EventCatalog.of(DeviceIsolationRequestedEvent.class);

    private static ObjectNode revision1(String isolationType) throws IOException {
        try (InputStream in = JsonUpcastersTest.class.getResourceAsStream(
                "/fixtures/DeviceIsolationRequestedEvent.v1.json")) {
            return ((ObjectNode) MAPPER.readTree(in)).put("isolationType", isolationType);
        }
    }

    @Test
    void isolationRequested_fullAtRevision1_keptNothingConnected() throws IOException {
        ObjectNode upcast = JsonUpcasters.toCurrent(REQUESTED, "1", revision1("Full"));

        assertThat(MAPPER.treeToValue(upcast, DeviceIsolationRequestedEvent.class).keptConnectedApplications())
                .isEmpty();
    }

    @Test
    void isolationRequested_selectiveAtRevision1_keptTheApplicationsOfThatTime() throws IOException {
        ObjectNode upcast = JsonUpcasters.toCurrent(REQUESTED, "1", revision1("Selective"));

        assertThat(MAPPER.treeToValue(upcast, DeviceIsolationRequestedEvent.class).keptConnectedApplications())
                .containsExactly("Outlook", "Microsoft Teams", "Skype for Business");
    }

    private static ObjectNode fixture(String file) throws IOException {
        try (InputStream in = JsonUpcastersTest.class.getResourceAsStream("/fixtures/" + file)) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    @Test
    void deviceRegistered_atRevision1_hadNoRiskScoreOrExposureLevel() throws IOException {
        ObjectNode stored = fixture("DeviceRegisteredEvent.v1.json");

        ObjectNode upcast = JsonUpcasters.toCurrent(EventCatalog.of(DeviceRegisteredEvent.class), "1", stored);

        DeviceRegisteredEvent event = MAPPER.treeToValue(upcast, DeviceRegisteredEvent.class);
        assertThat(event.riskScore()).isEqualTo(RiskScore.None);
        assertThat(event.exposureLevel()).isEqualTo(ExposureLevel.None);
        assertThat(event.computerDnsName()).isEqualTo("web-prod-03.dmz.contoso.com");
        assertThat(stored).as("the stored form is left as it was").isEqualTo(fixture("DeviceRegisteredEvent.v1.json"));
    }

    @Test
    void deviceDetailsUpdated_atRevision1_hadNoRiskScoreOrExposureLevel() throws IOException {
        ObjectNode stored = fixture("DeviceDetailsUpdatedEvent.v1.json");

        ObjectNode upcast = JsonUpcasters.toCurrent(EventCatalog.of(DeviceDetailsUpdatedEvent.class), "1", stored);

        DeviceDetailsUpdatedEvent event = MAPPER.treeToValue(upcast, DeviceDetailsUpdatedEvent.class);
        assertThat(event.riskScore()).isEqualTo(RiskScore.None);
        assertThat(event.exposureLevel()).isEqualTo(ExposureLevel.None);
        assertThat(event.osBuild()).isEqualTo("26100");
    }

    @Test
    void deviceDetails_atRevision2_areReturnedUnchanged() throws IOException {
        for (Class<? extends DeviceEvent> type : List.of(DeviceRegisteredEvent.class,
                DeviceDetailsUpdatedEvent.class)) {
            ObjectNode current = fixture(type.getSimpleName() + ".v2.json");

            assertThat(JsonUpcasters.toCurrent(EventCatalog.of(type), "2", current)).isSameAs(current);
            assertThat(current.get("riskScore").asText()).as("the reported score is kept").isNotEqualTo("None");
        }
    }

    @Test
    void upcast_leavesTheStoredFormAsItWas() throws IOException {
        ObjectNode stored = revision1("Selective");
        ObjectNode before = stored.deepCopy();

        JsonUpcasters.toCurrent(REQUESTED, "1", stored);

        assertThat(stored).isEqualTo(before);
    }

    @Test
    void currentRevision_isReturnedUnchanged() throws IOException {
        ObjectNode current = revision1("Full");

        assertThat(JsonUpcasters.toCurrent(REQUESTED, "3", current)).isSameAs(current);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Partial", "", "full"})
    void isolationRequested_withoutAKnownIsolationType_cannotBeUpcast(String type) throws IOException {
        assertThatThrownBy(() -> JsonUpcasters.toCurrent(REQUESTED, "1", revision1(type)))
                .isInstanceOf(UpcastException.class).hasMessageContaining("isolationType");
        ObjectNode missing = revision1("Full");
        missing.remove("isolationType");
        assertThatThrownBy(() -> JsonUpcasters.toCurrent(REQUESTED, "1", missing))
                .isInstanceOf(UpcastException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "0", "", "1.0", "v1"})
    void unknownRevision_cannotBeUpcast(String revision) throws IOException {
        assertThatThrownBy(() -> JsonUpcasters.toCurrent(REQUESTED, revision, revision1("Full")))
                .isInstanceOf(UpcastException.class)
                .hasMessageContaining("revision \"" + revision + "\"")
                .hasMessageContaining("reads revisions 1, 2, 3");
        assertThatThrownBy(() -> JsonUpcasters.toCurrent(REQUESTED, null, revision1("Full")))
                .isInstanceOf(UpcastException.class);
    }

    @Test
    void everyUpcaster_stepsOneRevisionOfACatalogEventBelowItsCurrentOne() {
        for (JsonUpcaster upcaster : JsonUpcasters.all()) {
            EventCatalog.Entry entry = EventCatalog.of(upcaster.eventClass());
            int from = Integer.parseInt(upcaster.fromRevision());
            assertThat(Integer.parseInt(upcaster.toRevision())).isEqualTo(from + 1);
            assertThat(from).isLessThan(Integer.parseInt(entry.revision()));
            assertThat(upcaster.change()).isNotBlank().endsWith(".");
        }
    }
}
