package dev.cordon.query.changes;

import dev.cordon.service.security.DeviceScope;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * One open stream. Frames are queued and written by the shared writer pool, one write at a time per stream, so
 * that a slow or stalled client holds up only itself, never the projection or the other streams.
 */
final class Subscriber {

    /** A client this far behind is not catching up: what it has not been sent is replaced by one reset. */
    static final int QUEUE_LIMIT = 256;

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    private final ResponseBodyEmitter emitter;
    private final Executor writers;
    private final Consumer<Subscriber> onClosed;
    /** The caller's device groups, as its token had them when it subscribed. */
    private final DeviceScope scope;
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    Subscriber(ResponseBodyEmitter emitter, Executor writers, Consumer<Subscriber> onClosed, DeviceScope scope) {
        this.emitter = emitter;
        this.writers = writers;
        this.onClosed = onClosed;
        this.scope = scope;
        // The container ends the stream when the client goes away or the server stops.
        emitter.onCompletion(this::closed);
        emitter.onError(e -> closed());
        emitter.onTimeout(this::closed);
    }

    DeviceScope scope() {
        return scope;
    }

    ResponseBodyEmitter emitter() {
        return emitter;
    }

    void send(String frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (pending.size() >= QUEUE_LIMIT) {
                pending.clear();
                pending.add(SseFrames.RESET);
            } else {
                pending.add(frame);
            }
            if (writing) {
                return;
            }
            writing = true;
        }
        try {
            writers.execute(this::drain);
        } catch (RejectedExecutionException e) {
            close(); // the writers are shut down: the application is stopping
        }
    }

    /** Ends the stream from the server's side (shutdown). */
    void close() {
        if (closed()) {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                log.debug("Completing a change stream failed: {}", e.toString());
            }
        }
    }

    private void drain() {
        while (true) {
            String frame;
            synchronized (this) {
                frame = closed ? null : pending.poll();
                if (frame == null) {
                    writing = false;
                    return;
                }
            }
            try {
                emitter.send(frame, SseFrames.FRAME);
            } catch (IOException | RuntimeException e) {
                // The usual end of a stream: the client went away, found by the next write (a heartbeat at the latest).
                log.debug("A change stream's client is gone: {}", e.toString());
                closed();
                try {
                    emitter.completeWithError(e);
                } catch (RuntimeException ignored) {
                    // already completed by the container
                }
                return;
            }
        }
    }

    /** @return true the first time, so that only one caller completes the emitter */
    private boolean closed() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            pending.clear();
            writing = false;
        }
        onClosed.accept(this);
        return true;
    }
}
