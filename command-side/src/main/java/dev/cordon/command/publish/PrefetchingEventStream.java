package dev.cordon.command.publish;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event store stream that says when events arrive. Axon's pooled processor, on a stream without an availability
 * callback (the embedded event store's has none), looks for new events only every 500 ms once it has caught up: on
 * average 250 ms of the publisher's store-to-broker time. This stream reads its delegate on a thread of its own,
 * which blocks until the store has an event, queues it, and calls the processor's callback at once.
 *
 * <p>Only the reader thread touches the delegate (its consumer is not thread-safe). Nothing is acknowledged here: the
 * processor stores its token only after publishing, so events still queued when the stream closes are read again
 * from the stored token by the next stream (at least once, in order). The queue is bounded: a processor that falls
 * behind stops the reader instead of buffering the store.
 */
final class PrefetchingEventStream implements BlockingStream<TrackedEventMessage<?>> {

    static final int CAPACITY = 1024;
    private static final Logger log = LoggerFactory.getLogger(PrefetchingEventStream.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** How long the reader waits for its delegate before looking whether it was closed. */
    private static final int READ_WAIT_MS = 200;

    private final BlockingStream<TrackedEventMessage<?>> delegate;
    private final BlockingQueue<TrackedEventMessage<?>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread reader;
    private volatile Runnable onAvailable;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    PrefetchingEventStream(BlockingStream<TrackedEventMessage<?>> delegate, String name) {
        this.delegate = delegate;
        this.reader = new Thread(this::read, name + "-prefetch-" + THREADS.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (!closed) {
                if (delegate.hasNextAvailable(READ_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = delegate.nextAvailable();
                    while (!closed && !queue.offer(event, READ_WAIT_MS, TimeUnit.MILLISECONDS)) {
                        // full: the processor is behind; wait for room
                    }
                    Runnable callback = onAvailable;
                    if (callback != null) {
                        callback.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("Reading the event store failed; the publisher opens its stream again: {}", e.toString());
                failure = e;
                Runnable callback = onAvailable;
                if (callback != null) {
                    callback.run();
                }
            }
        } finally {
            delegate.close();
        }
    }

    /** A failure of the reader is the processor's, on its next look: it then closes this stream and opens another. */
    private void rethrowFailure() {
        RuntimeException e = failure;
        if (e != null && queue.isEmpty()) {
            throw e;
        }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        rethrowFailure();
        return Optional.ofNullable(queue.peek());
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        rethrowFailure();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || failure != null || closed) {
                rethrowFailure();
                return !queue.isEmpty();
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)));
        }
        return true;
    }

    /**
     * The processor may close the stream from another thread (a work package's abort) between asking whether an event
     * is there and taking it: then this fails rather than waiting forever for a reader that has stopped, which would
     * hold the processor's coordinator, and with it every segment's publishing.
     */
    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        TrackedEventMessage<?> event = queue.poll();
        while (event == null) {
            rethrowFailure();
            if (closed) {
                throw new IllegalStateException("The publisher's event stream was closed");
            }
            event = queue.poll(READ_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        return event;
    }

    /** Called once per stream by the processor; events already queued are announced at once. */
    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        onAvailable = callback;
        if (!queue.isEmpty()) {
            callback.run();
        }
        return true;
    }

    /** What is queued stays: a taker that already saw an event still gets it, and the stream is then dropped. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
