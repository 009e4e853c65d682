package dev.cordon.query.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;
import dev.cordon.service.security.DeviceScope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

class ChangeSubscribersTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ChangeSubscribers subscribers;

    @AfterEach
    void close() {
        if (subscribers != null) {
            subscribers.closeAll();
        }
    }

    @Test
    void subscriber_getsReadyFirst_thenChangesAndResets_inOrder() {
        subscribers = new ChangeSubscribers(new ChangesProperties(Duration.ofHours(1), 10), registry);
        RecordingEmitter client = new RecordingEmitter();
        subscribers.subscribe(client);

        subscribers.changed(change(1));
        subscribers.reset();
        subscribers.changed(change(2));

        Awaitility.await().atMost(WAIT).until(() -> client.frames.size() == 4);
        assertThat(client.frames).containsExactly("retry: 3000\nevent: ready\ndata: {}\n\n",
                SseFrames.change(change(1).toJson()), "event: reset\ndata: {}\n\n", SseFrames.change(change(2).toJson()));
        assertThat(client.types).allSatisfy(type -> assertThat(type.getCharset()).hasToString("UTF-8"));
    }

    @Test
    void beyondTheLimit_isServiceUnavailable_andTheGaugeCountsOpenStreams() {
        subscribers = new ChangeSubscribers(new ChangesProperties(Duration.ofHours(1), 2), registry);
        subscribers.subscribe(new RecordingEmitter());
        subscribers.subscribe(new RecordingEmitter());

        assertThatThrownBy(() -> subscribers.subscribe(new RecordingEmitter())).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ServiceUnavailable));
        assertThat(registry.get(ChangeSubscribers.GAUGE).gauge().value()).isEqualTo(2);
    }

    @Test
    void heartbeat_isACommentLine_andAClientThatIsGoneIsRemoved() {
        subscribers = new ChangeSubscribers(new ChangesProperties(Duration.ofMillis(50), 10), registry);
        RecordingEmitter alive = new RecordingEmitter();
        RecordingEmitter gone = new RecordingEmitter();
        subscribers.subscribe(alive);
        subscribers.subscribe(gone);
        Awaitility.await().atMost(WAIT).until(() -> !gone.frames.isEmpty());
        gone.failWrites = true;

        Awaitility.await().atMost(WAIT).until(() -> subscribers.count() == 1);
        Awaitility.await().atMost(WAIT).until(() -> alive.frames.contains(": keepalive\n\n"));
        assertThat(registry.get(ChangeSubscribers.GAUGE).gauge().value()).isEqualTo(1);
        subscribers.changed(change(0));
        Awaitility.await().atMost(WAIT).until(() -> alive.frames.contains(SseFrames.change(change(0).toJson())));
        assertThat(gone.frames).doesNotContain(SseFrames.change(change(0).toJson()));
    }

    @Test
    void aStalledClient_holdsUpNoOther_andIsSentOneResetForWhatItCouldNotTake() throws Exception {
        subscribers = new ChangeSubscribers(new ChangesProperties(Duration.ofHours(1), 10), registry);
        RecordingEmitter stalled = new RecordingEmitter();
        RecordingEmitter other = new RecordingEmitter();
        subscribers.subscribe(stalled);
        subscribers.subscribe(other);
        Awaitility.await().atMost(WAIT).until(() -> stalled.frames.size() == 1 && other.frames.size() == 1);
        stalled.stall = new CountDownLatch(1);

        int sent = Subscriber.QUEUE_LIMIT + 10;
        for (int i = 1; i <= sent; i++) {
            subscribers.changed(change(i));
            if (i % 16 == 0) { // paced, so that the other client keeps up
                int expected = 1 + i;
                Awaitility.await().atMost(WAIT).until(() -> other.frames.size() == expected);
            }
        }
        Awaitility.await().atMost(WAIT).until(() -> other.frames.size() == 1 + sent);
        assertThat(other.frames).doesNotContain(SseFrames.RESET);
        stalled.stall.countDown();

        // The frame being written when it stalled, then a reset instead of the backlog, then whatever came after.
        Awaitility.await().atMost(WAIT).until(() -> stalled.frames.contains(SseFrames.RESET));
        assertThat(stalled.frames.size()).isLessThan(Subscriber.QUEUE_LIMIT);
    }

    @Test
    void change_reachesOnlyTheSubscribersWhoseGroupsCoverTheDevice_andOneWithoutAGroupOnlyThoseCoveringAll() {
        subscribers = new ChangeSubscribers(new ChangesProperties(Duration.ofHours(1), 10), registry);
        RecordingEmitter servers = new RecordingEmitter();
        RecordingEmitter everything = new RecordingEmitter();
        RecordingEmitter nothing = new RecordingEmitter();
        subscribers.subscribe(servers, DeviceScope.only(List.of("servers")));
        subscribers.subscribe(everything, DeviceScope.ALL);
        subscribers.subscribe(nothing, DeviceScope.NONE);
        Change server = new Change("srv", null, "DeviceRegistered", List.of("Servers"));
        Change workstation = new Change("ws", null, "DeviceRegistered", List.of("Workstations"));
        Change ungrouped = new Change("old", null, "DeviceRegistered", List.of());
        Change movedAway = new Change("moved", null, "DeviceGroupChanged", List.of("Workstations", "Servers"));

        List.of(server, workstation, ungrouped, movedAway).forEach(subscribers::changed);

        Awaitility.await().atMost(WAIT).until(() -> everything.frames.size() == 5);
        assertThat(everything.frames).containsSubsequence(SseFrames.change(server.toJson()),
                SseFrames.change(workstation.toJson()), SseFrames.change(ungrouped.toJson()),
                SseFrames.change(movedAway.toJson()));
        Awaitility.await().atMost(WAIT).until(() -> servers.frames.size() == 3);
        assertThat(servers.frames).containsExactly(SseFrames.READY, SseFrames.change(server.toJson()),
                SseFrames.change(movedAway.toJson()));
        assertThat(nothing.frames).containsExactly(SseFrames.READY);
    }

    @Test
    void closingTheApplication_endsEveryStream() {
        subscribers = new ChangeSubscribers(new ChangesProperties(Duration.ofHours(1), 10), registry);
        RecordingEmitter client = new RecordingEmitter();
        subscribers.subscribe(client);

        subscribers.closeAll();

        assertThat(client.completed).isTrue();
        assertThat(subscribers.count()).isZero();
    }

    private static Change change(int n) {
        return new Change("dev-" + n, null, "DeviceRegistered");
    }

    /** An emitter that records what is written to it instead of writing to a response. */
    private static final class RecordingEmitter extends ResponseBodyEmitter {

        final List<String> frames = new CopyOnWriteArrayList<>();
        final List<MediaType> types = new CopyOnWriteArrayList<>();
        volatile boolean failWrites;
        volatile CountDownLatch stall;
        volatile boolean completed;

        @Override
        public void send(Object object, MediaType mediaType) throws IOException {
            if (failWrites) {
                throw new IOException("Broken pipe");
            }
            CountDownLatch latch = stall;
            if (latch != null) {
                try {
                    latch.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            frames.add((String) object);
            types.add(mediaType);
        }

        @Override
        public synchronized void complete() {
            completed = true;
        }
    }
}
