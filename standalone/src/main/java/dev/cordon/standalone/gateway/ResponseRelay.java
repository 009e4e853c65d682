package dev.cordon.standalone.gateway;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays a service's answer body to the client without a thread waiting on either: the HTTP client hands over what
 * the service sent, it is written when the client's connection takes it, and the next part is asked for only then,
 * so a slow reader slows its own service connection, nothing else. What a part brings is flushed at once, so
 * server-sent events arrive one by one.
 */
final class ResponseRelay implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Logger log = LoggerFactory.getLogger(ResponseRelay.class);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Deque<ByteBuffer> pending = new ArrayDeque<>();
    private Flow.Subscription subscription;
    /** Starts true: the status and headers go out before any body, as an event stream's client waits for them. */
    private boolean flushDue = true;
    private boolean requested;
    private boolean upstreamDone;
    private boolean finished;

    ResponseRelay(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        synchronized (this) {
            this.subscription = subscription;
        }
        // The container calls onWritePossible once the connection can take bytes.
        out.setWriteListener(new ClientWrites());
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        synchronized (this) {
            requested = false;
            for (ByteBuffer buffer : buffers) {
                if (buffer.hasRemaining()) {
                    pending.add(buffer);
                }
            }
            flushDue = true;
        }
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        // The service broke off mid-answer: the status is sent, the client sees the body end early.
        log.debug("A service's answer ended early: {}", failure.toString());
        synchronized (this) {
            upstreamDone = true;
        }
        drain();
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            upstreamDone = true;
        }
        drain();
    }

    /** The client's side: (Subscriber and WriteListener both name their failure {@code onError}.) */
    private final class ClientWrites implements WriteListener {

        @Override
        public void onWritePossible() {
            drain();
        }

        /** The client went away, or its connection broke: the service's answer is not wanted any more. */
        @Override
        public void onError(Throwable failure) {
            log.debug("The client left before the answer was relayed: {}", failure.toString());
            clientFailed();
        }
    }

    /** Writes what is pending while the connection takes it; asks for more, or ends the answer, once it is all out. */
    private void drain() {
        boolean askForMore = false;
        synchronized (this) {
            if (finished || subscription == null) {
                return;
            }
            try {
                while (out.isReady()) {
                    ByteBuffer next = pending.poll();
                    if (next != null) {
                        write(next);
                    } else if (flushDue) {
                        flushDue = false;
                        out.flush();
                    } else if (upstreamDone) {
                        finish();
                        return;
                    } else {
                        askForMore = !requested;
                        requested = true;
                        break;
                    }
                }
            } catch (IOException clientGone) {
                log.debug("The client left before the answer was relayed: {}", clientGone.toString());
                subscription.cancel();
                finish();
                return;
            }
        }
        if (askForMore) {
            // Outside the lock: the HTTP client may deliver the next part on this very thread.
            subscription.request(1);
        }
    }

    private void write(ByteBuffer buffer) throws IOException {
        if (buffer.hasArray()) {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.write(bytes);
        }
    }

    private void finish() {
        finished = true;
        pending.clear();
        async.complete();
    }

    /** The client's connection failed (the container also completes the request): stop reading the service. */
    void clientFailed() {
        Flow.Subscription toCancel;
        synchronized (this) {
            toCancel = finished ? null : subscription;
            finished = true;
            pending.clear();
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }
}
