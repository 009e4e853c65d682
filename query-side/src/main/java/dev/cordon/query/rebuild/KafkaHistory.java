package dev.cordon.query.rebuild;

import dev.cordon.query.projection.RecordIntegrity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The topic from its first offset up to the end offsets captured when opened. Records past a bound that a poll
 * brings along are not projected: the consumer seeks back to the bound, so the next pass starts exactly there.
 */
final class KafkaHistory implements History {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A pass that gets no record for this long while offsets remain below its bounds has stalled. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private final Consumer<String, String> consumer;
    private final RecordIntegrity integrity;
    private final String topic;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Map<TopicPartition, Long> beginnings;
    private final Map<TopicPartition, Long> ends;

    private KafkaHistory(Consumer<String, String> consumer, String topic, RecordIntegrity integrity) {
        this.integrity = integrity;
        this.consumer = consumer;
        this.topic = topic;
        try {
            assign(partitions());
            beginnings = new HashMap<>(consumer.beginningOffsets(assigned, TIMEOUT));
            ends = new HashMap<>(consumer.endOffsets(assigned, TIMEOUT));
        } catch (KafkaException e) {
            throw new RebuildException("Kafka did not answer for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Takes over the consumer: closing the history closes it. */
    static KafkaHistory open(Consumer<String, String> consumer, String topic, RecordIntegrity integrity) {
        try {
            return new KafkaHistory(consumer, topic, integrity);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    @Override
    public RebuildSource source() {
        return RebuildSource.KAFKA;
    }

    /**
     * The first partition whose earliest offset is above 0: retention (or compaction) deleted records there, and a
     * rebuild from the topic would miss them.
     */
    Optional<String> trimmed() {
        return beginnings.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "partition " + e.getKey().partition() + " of " + topic + " starts at offset " + e.getValue())
                .sorted().findFirst();
    }

    @Override
    public long estimate() {
        return ends.entrySet().stream().mapToLong(e -> e.getValue() - beginnings.getOrDefault(e.getKey(), 0L)).sum();
    }

    @Override
    public void readAll(RecordSink sink) {
        consumer.seekToBeginning(assigned);
        consumeTo(ends, sink);
    }

    /** To the live group's committed offsets; a partition added meanwhile is read from its beginning. */
    @Override
    public void catchUp(RecordSink sink, Map<TopicPartition, Long> liveCommitted) {
        List<TopicPartition> added = new ArrayList<>(partitions());
        added.removeAll(assigned);
        if (!added.isEmpty()) {
            assign(added);
            consumer.seekToBeginning(added);
        }
        consumeTo(liveCommitted, sink);
    }

    private void consumeTo(Map<TopicPartition, Long> bounds, RecordSink sink) {
        Set<TopicPartition> pending = new HashSet<>();
        for (TopicPartition partition : assigned) {
            if (consumer.position(partition, TIMEOUT) < bounds.getOrDefault(partition, 0L)) {
                pending.add(partition);
            }
        }
        consumer.pause(assigned);
        consumer.resume(pending);
        long lastProgress = System.nanoTime();
        while (!pending.isEmpty()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RebuildException("Interrupted while reading " + topic);
            }
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, String> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < bounds.getOrDefault(partition, 0L) && integrity.admits(record)) {
                    sink.accept(record.value(), record.topic() + "-" + record.partition() + "@" + record.offset());
                }
            }
            if (!records.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new RebuildException("Reading " + topic + " stalled: no record for " + STALL.toSeconds()
                        + " s with " + pending.size() + " partition(s) short of their end");
            }
            for (TopicPartition partition : List.copyOf(pending)) {
                long bound = bounds.getOrDefault(partition, 0L);
                long position = consumer.position(partition, TIMEOUT);
                if (position >= bound) {
                    if (position > bound) {
                        consumer.seek(partition, bound);
                    }
                    consumer.pause(List.of(partition));
                    pending.remove(partition);
                }
            }
        }
        sink.flush();
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new RebuildException("Topic " + topic + " does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private void assign(List<TopicPartition> partitions) {
        assigned.addAll(partitions);
        consumer.assign(assigned);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
