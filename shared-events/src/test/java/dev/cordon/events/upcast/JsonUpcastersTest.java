package dev.cordon.events.upcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.action.DeviceIsolationRequestedEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import java.io.IOException;
import java.io.InputStream;
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

        assertThat(JsonUpcasters.toCurrent(REQUESTED, "2", current)).isSameAs(current);
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
    @ValueSource(strings = {"3", "0", "", "1.0", "v1"})
    void unknownRevision_cannotBeUpcast(String revision) throws IOException {
        assertThatThrownBy(() -> JsonUpcasters.toCurrent(REQUESTED, revision, revision1("Full")))
                .isInstanceOf(UpcastException.class)
                .hasMessageContaining("revision \"" + revision + "\"")
                .hasMessageContaining("reads revisions 1, 2");
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
