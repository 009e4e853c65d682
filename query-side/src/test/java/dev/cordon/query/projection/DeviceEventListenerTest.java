package dev.cordon.query.projection;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.kafka.RecordSignature;
import dev.cordon.query.projection.DeviceEventProjection.Outcome;
import dev.cordon.query.support.TestEvents;
import dev.cordon.service.testing.TestSigning;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.annotation.KafkaListener;

class DeviceEventListenerTest {

    private final CloudEventParser parser = mock(CloudEventParser.class);
    private final DeviceEventProjection projection = mock(DeviceEventProjection.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordIntegrity integrity = new RecordIntegrity(new RecordSignature(TestSigning.KEYS), meters);
    private final DeviceEventListener listener = new DeviceEventListener(parser, projection,
            new ProjectionMetrics(meters), integrity);
    private final ConsumerRecord<String, String> record = signed(new ConsumerRecord<>("cordon.device-events", 2, 41,
            "dev-1", "value"));
    private final RecordedEvent event = new RecordedEvent("evt-9", 3,
            TestEvents.isolated("dev-1", "act-1", IsolationType.Full, at(3)));

    private final Logger logger = (Logger) LoggerFactory.getLogger(DeviceEventListener.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureLog() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logged.start();
        logger.addAppender(logged);
        when(parser.read(any(), any())).thenReturn(ParsedRecord.of(event));
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
        logger.setLevel(levelBefore);
    }

    private static ConsumerRecord<String, String> signed(ConsumerRecord<String, String> record) {
        record.headers().add(RecordSignature.HEADER,
                TestSigning.sign(record.key(), record.value()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Unsigned, signed with another key, or changed after signing: never projected, counted, and the next one is. */
    @Test
    void on_aRecordTheCommandSideDidNotSign_isNotProjected_andCounted() {
        ConsumerRecord<String, String> unsigned = new ConsumerRecord<>("cordon.device-events", 2, 42, "dev-1", "value");
        ConsumerRecord<String, String> otherKey = new ConsumerRecord<>("cordon.device-events", 2, 43, "dev-1", "value");
        otherKey.headers().add(RecordSignature.HEADER, new RecordSignature(RecordSignature.newKey("test"))
                .sign("dev-1", "value").getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> tampered = new ConsumerRecord<>("cordon.device-events", 2, 44, "dev-1",
                "changed value");
        tampered.headers().add(RecordSignature.HEADER,
                TestSigning.sign("dev-1", "value").getBytes(StandardCharsets.UTF_8));

        listener.on(unsigned);
        listener.on(otherKey);
        listener.on(tampered);
        verify(projection, never()).apply(any());
        assertThat(meters.counter(RecordIntegrity.REJECTED).count()).isEqualTo(3.0);
        assertThat(integrity.rejectedCount()).isEqualTo(3);

        when(projection.apply(event)).thenReturn(Outcome.APPLIED);
        listener.on(record);
        verify(projection).apply(event);
    }

    @Test
    void on_whenSequenceHeldByAnotherEvent_warnsOfDivergedHistory() {
        when(projection.apply(event)).thenReturn(Outcome.DIVERGED);
        listener.on(record);
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("evt-9", "cordon.device-events-2@41", "sequence 3",
                    "dev-1", "diverged");
        });
    }

    @Test
    void on_whenPlainDuplicate_logsAtDebugOnly() {
        when(projection.apply(event)).thenReturn(Outcome.DUPLICATE);
        listener.on(record);
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.DEBUG);
    }

    @Test
    void on_whenApplied_logsNothing() {
        when(projection.apply(event)).thenReturn(Outcome.APPLIED);
        listener.on(record);
        assertThat(logged.list).isEmpty();
    }

    /** A rebuild goes through the same entry point with its own projection: the live one is not touched. */
    @Test
    void project_appliesToTheGivenProjectionOnly() {
        DeviceEventProjection shadow = mock(DeviceEventProjection.class);
        when(shadow.apply(event)).thenReturn(Outcome.APPLIED);

        assertThat(listener.project("value", "event store #7", shadow)).contains(Outcome.APPLIED);

        verify(shadow).apply(event);
        verify(projection, never()).apply(any());
        when(parser.read(any(), any())).thenReturn(ParsedRecord.unknown());
        assertThat(listener.project("value", "event store #8", shadow)).isEmpty();
        // The live metrics describe the live consumer: a rebuild replaying history leaves them alone.
        assertThat(meters.find("cordon.projection.lag").timers()).allMatch(t -> t.count() == 0);
        assertThat(meters.find("cordon.events.projected").counters()).allMatch(c -> c.count() == 0);
    }

    @Test
    void on_countsEveryRecordByTypeAndOutcome_andTimesOnlyNewlyAppliedEvents() {
        when(projection.apply(event)).thenReturn(Outcome.APPLIED, Outcome.DUPLICATE);
        listener.on(record);
        listener.on(record);
        when(parser.read(any(), any())).thenReturn(ParsedRecord.unknown());
        listener.on(record);
        when(parser.read(any(), any())).thenThrow(new PoisonRecordException("not JSON"));
        assertThatThrownBy(() -> listener.on(record)).isInstanceOf(PoisonRecordException.class);

        assertThat(projected("DeviceIsolatedEvent", "applied")).isEqualTo(1);
        assertThat(projected("DeviceIsolatedEvent", "duplicate")).isEqualTo(1);
        assertThat(projected("unknown", "skipped")).isEqualTo(1);
        assertThat(projected("unknown", "poison")).isEqualTo(1);
        assertThat(meters.get("cordon.projection.lag").timer().count()).isEqualTo(1);
    }

    /** A bulk action's own event is known: counted under its name, neither skipped as unknown nor poison. */
    @Test
    void on_aBulkActionsEvent_isNotProjected_andCountedAsKnown() {
        when(parser.read(any(), any())).thenReturn(ParsedRecord.withoutReadModel("BulkActionRequestedEvent"));
        listener.on(record);
        DeviceEventProjection shadow = mock(DeviceEventProjection.class);
        assertThat(listener.project("value", "event store #9", shadow)).contains(Outcome.NOT_A_DEVICE_EVENT);

        verify(projection, never()).apply(any());
        verify(shadow, never()).apply(any());
        assertThat(projected("BulkActionRequestedEvent", "not_a_device_event")).isEqualTo(1);
        assertThat(meters.find("cordon.events.projected").tag("type", "unknown").counters()).isEmpty();
        assertThat(logged.list).noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void on_whenProjectingFails_countsTheFailedAttemptAndRethrows() {
        when(projection.apply(event)).thenThrow(new IllegalStateException("database away"));
        assertThatThrownBy(() -> listener.on(record)).hasMessage("database away");
        assertThat(projected("DeviceIsolatedEvent", "failed")).isEqualTo(1);
        assertThat(meters.get("cordon.projection.lag").timer().count()).isZero();
    }

    private double projected(String type, String outcome) {
        return meters.get("cordon.events.projected").tag("type", type).tag("outcome", outcome).counter().count();
    }

    /** Each setting is defined once, in application.yml with its environment variable; no default repeated. */
    @Test
    void listener_takesTopicAndGroupFromApplicationYml() throws Exception {
        KafkaListener annotation = DeviceEventListener.class.getMethod("on", List.class)
                .getAnnotation(KafkaListener.class);
        assertThat(annotation.topics()).containsExactly("${cordon.kafka.topic}");
        assertThat(annotation.groupId()).isEqualTo("${cordon.query.consumer-group}");

        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        assertThat(properties.getProperty("cordon.kafka.topic"))
                .isEqualTo("${CORDON_KAFKA_TOPIC:cordon.device-events}");
        assertThat(properties.getProperty("cordon.query.consumer-group"))
                .isEqualTo("${CORDON_QUERY_CONSUMER_GROUP:cordon-query}");
    }
}
