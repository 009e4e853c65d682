package dev.cordon.command.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.command.support.RandomHistories;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.kafka.EventJson;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A device's snapshot holds all of it: written with the event store's Jackson form and read back, then given the
 * events after it, it equals the device loaded from every event, whatever the history (open actions of both kinds,
 * isolated Full or Selective, tags in any letter case, groups, changed details).
 */
class DeviceSnapshotTest {

    private static final String DEVICE = "b9f1a3c7d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2";
    private static final AggregateModel<Device> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Device.class);
    /** What Axon's auto-configuration builds for the event store: snapshots go through the events' serializer. */
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventJson.newMapper()).build();
    private static final ObjectMapper JSON = EventJson.newMapper();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void snapshot_plusLaterEvents_equalsTheDeviceLoadedFromEveryEvent(long seed) {
        List<DeviceEvent> history = new RandomHistories(seed, DEVICE).history(40 + (int) seed * 7);
        Device fromEvents = load(new Device(), history);
        for (int cut = 1; cut <= history.size(); cut += 1 + (int) (seed % 5)) {
            Device snapshot = roundTrip(load(new Device(), history.subList(0, cut)));
            Device fromSnapshot = load(snapshot, history.subList(cut, history.size()));
            assertThat(fromSnapshot).as("seed %d, snapshot after %d events", seed, cut)
                    .usingRecursiveComparison().isEqualTo(fromEvents);
        }
    }

    /** A field Jackson would skip (transient, static, ignored) would be lost from every snapshot without a trace. */
    @ParameterizedTest
    @ValueSource(longs = {3, 17})
    void snapshot_writesEveryFieldOfTheDevice(long seed) throws Exception {
        Device device = load(new Device(), new RandomHistories(seed, DEVICE).history(60));
        JsonNode written = JSON.readTree(SERIALIZER.serialize(device, byte[].class).getData());
        List<String> fields = Arrays.stream(Device.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).toList();
        assertThat(fields).isNotEmpty().allSatisfy(name -> assertThat(written.has(name)).as(name).isTrue());
        assertThat(Arrays.stream(Device.class.getDeclaredFields()).filter(f -> Modifier.isTransient(f.getModifiers())))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {5})
    void snapshot_carriesTheAggregatesRevision(long seed) {
        SerializedObject<byte[]> written = SERIALIZER.serialize(load(new Device(), new RandomHistories(seed, DEVICE)
                .history(10)), byte[].class);
        assertThat(written.getType().getName()).isEqualTo(Device.class.getName());
        assertThat(written.getType().getRevision()).isEqualTo("1");
    }

    private static Device roundTrip(Device device) {
        SerializedObject<byte[]> written = SERIALIZER.serialize(device, byte[].class);
        return SERIALIZER.deserialize(written);
    }

    /** Through Axon's own handler resolution, as the repository applies stored events. */
    private static Device load(Device device, List<DeviceEvent> events) {
        long sequence = 0;
        for (DeviceEvent event : events) {
            MODEL.publish(new GenericDomainEventMessage<>("Device", DEVICE, sequence++, event), device);
        }
        return device;
    }
}
