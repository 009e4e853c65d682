package dev.cordon.command.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class PrefetchingEventStreamTest {

    /** A store's stream: events appear when the test appends them; it says whether it was closed. */
    private static final class StoreStream implements BlockingStream<TrackedEventMessage<?>> {
        final LinkedBlockingQueue<TrackedEventMessage<?>> events = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);
        volatile RuntimeException failWith;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (failWith != null) {
                throw failWith;
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (events.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.take();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    private static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage("event " + index));
    }

    /** The processor is told of each event as it arrives, rather than finding it on its next 500 ms look. */
    @Test
    void anEventThatArrives_isAnnouncedAtOnce_andReadInOrder() throws Exception {
        StoreStream store = new StoreStream();
        PrefetchingEventStream stream = new PrefetchingEventStream(store, "test");
        CountDownLatch announced = new CountDownLatch(3);
        AtomicInteger calls = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(() -> {
            calls.incrementAndGet();
            announced.countDown();
        })).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        store.events.put(event(1));
        store.events.put(event(2));
        store.events.put(event(3));

        assertThat(announced.await(5, TimeUnit.SECONDS)).isTrue();
        List<Object> read = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            read.add(stream.nextAvailable().getPayload());
        }
        assertThat(read).containsExactly("event 1", "event 2", "event 3");
        stream.close();
        assertThat(store.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    /** Registered after events were queued: announced at once, so none waits for the processor's next look. */
    @Test
    void aCallbackRegisteredAfterEventsArrived_isCalledAtOnce() throws Exception {
        StoreStream store = new StoreStream();
        store.events.put(event(1));
        PrefetchingEventStream stream = new PrefetchingEventStream(store, "test");
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        AtomicInteger calls = new AtomicInteger();

        stream.setOnAvailableCallback(calls::incrementAndGet);

        assertThat(calls).hasValue(1);
        stream.close();
    }

    /** A failing store fails the processor's next look, which then opens a new stream from its stored token. */
    @Test
    void aFailureOfTheStore_reachesTheProcessor() throws Exception {
        StoreStream store = new StoreStream();
        store.failWith = new IllegalStateException("database away");
        PrefetchingEventStream stream = new PrefetchingEventStream(store, "test");
        assertThat(store.closed.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(stream::hasNextAvailable).hasMessage("database away");
        assertThatThrownBy(stream::peek).hasMessage("database away");
        stream.close();
    }

    /**
     * Closed by another thread while the processor waits for an event (a work package's abort): the wait ends, so
     * the processor's coordinator is never held by a stream nobody reads any more.
     */
    @Test
    void nextAvailable_onAStreamClosedMeanwhile_failsRatherThanWaitingForever() throws Exception {
        StoreStream store = new StoreStream();
        PrefetchingEventStream stream = new PrefetchingEventStream(store, "test");
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stream.close();
        });
        closer.start();

        assertThatThrownBy(stream::nextAvailable).isInstanceOf(IllegalStateException.class);
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isFalse();
        closer.join();
    }
}
