package dev.cordon.query.changes;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;
import dev.cordon.service.security.DeviceScope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * This instance's open change streams: takes a subscriber while there is room, fans every change and reset out to
 * all of them, and writes a heartbeat to each, which also finds the clients that went away.
 */
@Component
public class ChangeSubscribers {

    static final String GAUGE = "cordon.change.subscribers";
    /** Writers run only while there is something to write; a stalled client can hold one until the write times out. */
    private static final int WRITERS = 16;

    private final int maxSubscribers;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor writers;
    private final ScheduledExecutorService heartbeats;

    public ChangeSubscribers(ChangesProperties settings, MeterRegistry registry) {
        this.maxSubscribers = settings.maxSubscribers();
        this.writers = new ThreadPoolExecutor(WRITERS, WRITERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("change-stream-writer"));
        writers.allowCoreThreadTimeOut(true);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(
                daemon("change-stream-heartbeat"));
        long period = settings.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        Gauge.builder(GAUGE, subscribers, Set::size)
                .description("Open change streams (GET /api/changes) on this instance")
                .register(registry);
    }

    /**
     * A new stream, its first frame ({@code ready}) queued.
     *
     * @throws ApiException ServiceUnavailable if this instance has as many streams open as it takes
     */
    public ResponseBodyEmitter subscribe(DeviceScope scope) {
        // No timeout: the stream stays open until the client or the server ends it.
        return subscribe(new ResponseBodyEmitter(0L), scope);
    }

    /** A subscriber covering every device group. */
    ResponseBodyEmitter subscribe(ResponseBodyEmitter emitter) {
        return subscribe(emitter, DeviceScope.ALL);
    }

    ResponseBodyEmitter subscribe(ResponseBodyEmitter emitter, DeviceScope scope) {
        Subscriber subscriber = new Subscriber(emitter, writers, subscribers::remove, scope);
        synchronized (this) {
            if (subscribers.size() >= maxSubscribers) {
                throw new ApiException(ErrorCode.ServiceUnavailable, "This instance serves " + maxSubscribers
                        + " change streams already; try again later");
            }
            subscribers.add(subscriber);
        }
        subscriber.send(SseFrames.READY);
        return emitter;
    }

    /** To the subscribers whose device groups the change's device is in (or was, for a group change). */
    public void changed(Change change) {
        String frame = SseFrames.change(change.toJson());
        subscribers.stream().filter(subscriber -> change.visibleTo(subscriber.scope()))
                .forEach(subscriber -> subscriber.send(frame));
    }

    public void reset() {
        sendToAll(SseFrames.RESET);
    }

    public int count() {
        return subscribers.size();
    }

    void heartbeat() {
        sendToAll(SseFrames.KEEPALIVE);
    }

    /** Before the web server's graceful shutdown, which would otherwise wait for every open stream. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        heartbeats.shutdownNow();
        List.copyOf(subscribers).forEach(Subscriber::close);
        writers.shutdown();
    }

    private void sendToAll(String frame) {
        subscribers.forEach(subscriber -> subscriber.send(frame));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
