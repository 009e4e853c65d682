package dev.cordon.standalone.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples the brokers twice a second for the fault being run: a publish stall is time in which a command side has a
 * backlog while the topic's end does not move; a projection stall, the longest time one partition had lag while its
 * committed offset did not move - for a killed query side, how long its partitions waited for the survivor to take
 * them over (offsets are committed in steps, so this reads a little long).
 */
final class StallMonitor implements AutoCloseable {

    private final ClusterUnderTest cluster;
    private final AtomicReference<FaultFigures> figures = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    StallMonitor(ClusterUnderTest cluster) {
        this.cluster = cluster;
        this.thread = new Thread(this::sample, "cluster-stall-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    void watch(FaultFigures fault) {
        figures.set(fault);
    }

    private void sample() {
        long endSum = -1;
        long endSince = System.currentTimeMillis();
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, Long> committedSince = new HashMap<>();
        while (!closed) {
            long now = System.currentTimeMillis();
            FaultFigures fault = figures.get();
            Optional<ClusterUnderTest.Offsets> offsets = cluster.offsets();
            boolean backlog = backlog(cluster.instances("command side"));
            if (offsets.isPresent()) {
                ClusterUnderTest.Offsets o = offsets.get();
                if (o.endSum() != endSum || !backlog) {
                    endSum = o.endSum();
                    endSince = now;
                }
                for (Map.Entry<TopicPartition, Long> end : o.end().entrySet()) {
                    TopicPartition partition = end.getKey();
                    long offset = o.committed().getOrDefault(partition, 0L);
                    if (offset >= end.getValue() || !Long.valueOf(offset).equals(committed.get(partition))) {
                        committed.put(partition, offset);
                        committedSince.put(partition, now);
                    }
                }
            }
            long projectionStall = committedSince.values().stream().mapToLong(since -> now - since).max().orElse(0);
            if (fault != null) {
                // An unanswered sample (a broker or command side away) counts as no progress.
                fault.publishStallMillis.accumulateAndGet(now - endSince, Math::max);
                fault.projectionStallMillis.accumulateAndGet(projectionStall, Math::max);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean backlog(List<String> commandSides) {
        return commandSides.stream().mapToDouble(cluster::backlog).anyMatch(b -> !Double.isNaN(b) && b > 0);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join(10_000);
    }
}
