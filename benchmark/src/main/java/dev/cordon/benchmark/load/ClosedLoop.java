package dev.cordon.benchmark.load;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code connections} callers, each sending the next isolate as soon as its last one is answered. */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /**
     * @param devices fresh devices; the phase ends early, and is timed to its real end, if they run out
     * @return the accepted commands and the time they took
     */
    public static Outcome isolate(CordonApi api, Queue<String> devices, int connections, Duration duration) {
        AtomicInteger accepted = new AtomicInteger();
        Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                workers.add(pool.submit(() -> {
                    String device;
                    while (System.nanoTime() < deadline && (device = devices.poll()) != null) {
                        HttpResponse<String> answer = api.isolate(device);
                        if (answer.statusCode() == 201) {
                            accepted.incrementAndGet();
                        } else {
                            refused.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("An isolate failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        refused.forEach((status, count) -> byStatus.put(status, count.get()));
        return new Outcome(accepted.get(), byStatus, Duration.ofNanos(System.nanoTime() - start));
    }

    /** @param refused answers other than 201, by HTTP status */
    public record Outcome(int accepted, Map<Integer, Integer> refused, Duration elapsed) {

        public double perSecond() {
            return accepted * 1e9 / Math.max(1, elapsed.toNanos());
        }
    }
}
