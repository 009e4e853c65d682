package dev.cordon.benchmark.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Isolates at a fixed rate whatever the answers take (an open loop, as incidents arrive), and how long after each
 * 201 its action's {@code change} reached a subscriber of {@code /api/changes}.
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * @param devices at least {@code rate * duration} fresh devices
     * @param settle  how long to wait after the last send for the answers and their changes
     */
    public static Outcome run(CordonApi api, ChangeStream changes, Queue<String> devices, int rate, Duration duration,
            Duration settle) {
        Map<String, Long> createdAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        int total = (int) (rate * duration.toMillis() / 1000);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            String device = devices.poll();
            if (device == null) {
                throw new IllegalStateException("Too few devices for the open loop");
            }
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(api.isolateAsync(device).whenComplete((answer, failure) -> {
                if (failure == null && answer.statusCode() == 201) {
                    createdAt.put(CordonApi.actionId(answer), System.nanoTime());
                } else {
                    refused.incrementAndGet();
                }
            }));
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - start);
        long settleEnd = System.nanoTime() + settle.toNanos();
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(settle.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Counted below as not answered.
        }
        while (System.nanoTime() < settleEnd
                && createdAt.keySet().stream().anyMatch(id -> changes.firstSeen(id) == null)) {
            LockSupport.parkNanos(50_000_000L);
        }
        List<Long> latencies = new ArrayList<>();
        int unseen = 0;
        for (Map.Entry<String, Long> created : createdAt.entrySet()) {
            Long seen = changes.firstSeen(created.getKey());
            if (seen == null) {
                unseen++;
            } else {
                // A change may even overtake its 201 through the gateway: that is no delay at all.
                latencies.add(Math.max(0, seen - created.getValue()));
            }
        }
        int unanswered = total - createdAt.size() - refused.get();
        return new Outcome(total, sending, createdAt.size(), refused.get() + unanswered, unseen, latencies);
    }

    /**
     * @param sending        how long the sends took: longer than planned if this machine could not keep the rate
     * @param latenciesNanos from each 201 to its action's first change
     * @param unseen         accepted commands whose change did not arrive within the settle time
     */
    public record Outcome(int sent, Duration sending, int accepted, int refused, int unseen,
            List<Long> latenciesNanos) {
    }
}
