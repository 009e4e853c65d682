package dev.cordon.benchmark.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh registered devices, each isolated once: a device with an open action refuses a second isolate (the
 * one-open-action rule), and the benchmark measures accepted commands, not refusals.
 */
public final class Devices {

    private Devices() {
    }

    /** Registers {@code count} new devices through the API, {@code concurrency} at a time. */
    public static Queue<String> register(CordonApi api, int count, int concurrency) {
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        String id = "bench-" + UUID.randomUUID().toString().replace("-", "");
                        int status = api.register(id);
                        if (status != 201) {
                            throw new IllegalStateException("Registering " + id + " answered " + status);
                        }
                        ids.add(id);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
