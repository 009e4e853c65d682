package dev.cordon.query.projection;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cordon.events.action.IsolationType;
import dev.cordon.events.kafka.RecordSignature;
import dev.cordon.query.projection.DeviceEventProjection.Outcome;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.testing.TestSigning;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** A poll's records: one transaction when all goes well, record by record to find the one that does not. */
class DeviceEventListenerBatchTest {

    private final CloudEventParser parser = mock(CloudEventParser.class);
    private final DeviceEventProjection projection = mock(DeviceEventProjection.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordIntegrity integrity = new RecordIntegrity(new RecordSignature(TestSigning.KEYS), meters);
    private final DeviceEventListener listener = new DeviceEventListener(parser, projection,
            new ProjectionMetrics(meters), integrity);
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private final List<RecordedEvent> events = new ArrayList<>();

    @BeforeEach
    void fourRecords() {
        for (int i = 0; i < 4; i++) {
            String value = "value-" + i;
            ConsumerRecord<String, String> record = new ConsumerRecord<>("cordon.device-events", 0, 10 + i, "dev-" + i,
                    value);
            record.headers().add(RecordSignature.HEADER,
                    TestSigning.sign(record.key(), value).getBytes(StandardCharsets.UTF_8));
            records.add(record);
            RecordedEvent event = new RecordedEvent("evt-" + i, 1,
                    TestEvents.isolated("dev-" + i, "act-" + i, IsolationType.Full, at(i)));
            events.add(event);
            when(parser.read(eq(value), any())).thenReturn(ParsedRecord.of(event));
        }
    }

    @Test
    void on_aPoll_isProjectedInOneTransaction_andCountedOnceItCommitted() {
        when(projection.applyAll(events)).thenReturn(List.of(Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE,
                Outcome.APPLIED));

        listener.on(records);

        verify(projection).applyAll(events);
        verify(projection, never()).apply(any());
        assertThat(projected("applied")).isEqualTo(3);
        assertThat(projected("duplicate")).isEqualTo(1);
        assertThat(meters.get("cordon.projection.lag").timer().count()).isEqualTo(3);
    }

    /** The batch rolled back; its records go one by one, and the first that fails is named to the error handler. */
    @Test
    void on_whenTheBatchFails_projectsOneByOne_andNamesTheFailingRecord() {
        when(projection.applyAll(anyList())).thenThrow(new IllegalStateException("batch failed"));
        when(projection.apply(events.get(0))).thenReturn(Outcome.APPLIED);
        when(projection.apply(events.get(1))).thenReturn(Outcome.APPLIED);
        when(projection.apply(events.get(2))).thenThrow(new IllegalStateException("database away"));

        assertThatThrownBy(() -> listener.on(records)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).hasMessage("database away");
                });
        verify(projection, never()).apply(events.get(3));
        assertThat(projected("applied")).isEqualTo(2);
        assertThat(projected("failed")).isEqualTo(1);
    }

    /** Poison is found by the record-by-record pass, counted once, and handed on as poison. */
    @Test
    void on_aPoisonRecordInThePoll_isNamedByItsIndex() {
        when(parser.read(eq("value-1"), any())).thenThrow(new PoisonRecordException("not JSON"));
        when(projection.apply(any())).thenReturn(Outcome.APPLIED);

        assertThatThrownBy(() -> listener.on(records)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(PoisonRecordException.class);
                });
        verify(projection, never()).applyAll(anyList());
        verify(projection).apply(events.get(0));
        assertThat(projected("unknown", "poison")).isEqualTo(1);
    }

    /** A record the command side did not sign is left out of the batch, and counted once, not again on a retry. */
    @Test
    void on_anUnsignedRecordInThePoll_isLeftOutAndCountedOnce() {
        ConsumerRecord<String, String> unsigned = new ConsumerRecord<>("cordon.device-events", 0, 14, "dev-9", "x");
        records.add(2, unsigned);
        when(projection.applyAll(events)).thenReturn(List.of(Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED,
                Outcome.APPLIED));

        listener.on(records);

        verify(projection).applyAll(events);
        assertThat(integrity.rejectedCount()).isEqualTo(1);
    }

    private double projected(String outcome) {
        return projected("DeviceIsolatedEvent", outcome);
    }

    private double projected(String type, String outcome) {
        return meters.get("cordon.events.projected").tag("type", type).tag("outcome", outcome).counter().count();
    }
}
