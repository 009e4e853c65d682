package dev.cordon.standalone.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the load saw during one fault, and what the checks after it found; printed, the must-be-zero ones asserted. */
final class FaultFigures {

    final String fault;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();
    /** 201s that answered a retry, after a failure with the same Idempotency-Key. */
    final AtomicInteger createdOnRetry = new AtomicInteger();
    /** 201s with Idempotent-Replayed: the first attempt had been applied, its action returned. */
    final AtomicInteger replayed = new AtomicInteger();
    /** A definitive refusal (4xx) of a retry whose earlier attempt failed: possibly a request applied unseen. */
    final AtomicInteger refusedAfterFailure = new AtomicInteger();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final AtomicLong publishStallMillis = new AtomicLong();
    final AtomicLong projectionStallMillis = new AtomicLong();
    volatile long downMillis;
    volatile long convergeMillis = -1;
    volatile int acceptedWithout201;
    volatile int lost;
    volatile int duplicated;
    volatile int stuck;
    volatile int duplicatedTimeline;
    volatile String note = "";

    FaultFigures(String fault) {
        this.fault = fault;
    }

    void failure(String status) {
        failures.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    int failures(String status) {
        AtomicInteger count = failures.get(status);
        return count == null ? 0 : count.get();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-22s requests %5d, 201s %4d (on a retry %d, replayed %d),"
                        + " failures %s, refused after a failure %d, accepted-without-201 %d, lost %d, duplicated %d,"
                        + " stuck %d, duplicated timeline entries %d; down %.1f s, publish stall %.1f s,"
                        + " projection stall (longest, one partition) %.1f s, converged in %.1f s%s",
                fault, requests.get(), created.get(), createdOnRetry.get(), replayed.get(), new TreeMap<>(failures),
                refusedAfterFailure.get(), acceptedWithout201, lost, duplicated, stuck, duplicatedTimeline,
                downMillis / 1000.0, publishStallMillis.get() / 1000.0, projectionStallMillis.get() / 1000.0,
                convergeMillis / 1000.0, note.isEmpty() ? "" : "; " + note);
    }
}
