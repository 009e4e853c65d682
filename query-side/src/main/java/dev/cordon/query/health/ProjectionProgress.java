package dev.cordon.query.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker knows of the projection's progress: which partitions of the topic have no consumer of the group,
 * and for each partition with records the group has not committed, when the oldest of them was written. The age is
 * read from the record itself (fetched at the group's committed offset by a consumer of no group, which never joins
 * or commits): lag in records says nothing about how old the read models are, a partition 3 records behind for a
 * minute is worse than one 500 behind for a second.
 */
public class ProjectionProgress implements AutoCloseable {

    /**
     * @param unowned       partitions no member of the group has been assigned
     * @param oldestWritten per partition that is behind, when its oldest unprojected record was written
     * @param unread        partitions that are behind but whose oldest record did not arrive in time
     */
    public record Snapshot(Instant at, int partitions, String groupState, int members, Set<Integer> unowned,
                           Map<Integer, Instant> oldestWritten, Set<Integer> unread) {
    }

    private record Behind(Map<Integer, Instant> written, Set<Integer> unread) {
    }

    private final Admin admin;
    private final Consumer<?, ?> reader;
    private final String topic;
    private final String group;
    private final int timeoutMillis;

    /** @param reader a consumer without a group, used here only (this class is called by one thread at a time) */
    public ProjectionProgress(Admin admin, Consumer<?, ?> reader, String topic, String group, long timeoutMillis) {
        this.admin = admin;
        this.reader = reader;
        this.topic = topic;
        this.group = group;
        this.timeoutMillis = (int) timeoutMillis;
    }

    @Override
    public synchronized void close() {
        reader.close();
    }

    public synchronized Snapshot read(Instant now)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic),
                        new DescribeTopicsOptions().timeoutMs(timeoutMillis)).allTopicNames()
                .get(timeoutMillis, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group),
                        new DescribeConsumerGroupsOptions().timeoutMs(timeoutMillis)).describedGroups().get(group)
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
        Set<Integer> owned = description.members().stream().map(MemberDescription::assignment)
                .flatMap(assignment -> assignment.topicPartitions().stream())
                .filter(partition -> partition.topic().equals(topic)).map(TopicPartition::partition)
                .collect(Collectors.toSet());
        Set<Integer> unowned = partitions.stream().map(TopicPartition::partition).filter(p -> !owned.contains(p))
                .collect(Collectors.toCollection(TreeSet::new));
        Behind behind = oldestUnprojected(partitions);
        return new Snapshot(now, partitions.size(), String.valueOf(description.state()), description.members().size(),
                unowned, behind.written(), behind.unread());
    }

    private Behind oldestUnprojected(List<TopicPartition> partitions)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group,
                        new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMillis))
                .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS));
        committed.values().removeIf(Objects::isNull);
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        List<TopicPartition> uncommitted = partitions.stream().filter(p -> !committed.containsKey(p)).toList();
        Map<TopicPartition, Long> start = uncommitted.isEmpty() ? Map.of() : offsets(uncommitted, OffsetSpec.earliest());
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long position = committed.containsKey(partition) ? committed.get(partition).offset() : start.get(partition);
            if (position < end.get(partition)) {
                behind.put(partition, position);
            }
        }
        Map<Integer, Instant> written = behind.isEmpty() ? Map.of() : firstRecordTimes(behind);
        Set<Integer> unread = behind.keySet().stream().map(TopicPartition::partition)
                .filter(p -> !written.containsKey(p)).collect(Collectors.toCollection(TreeSet::new));
        return new Behind(written, unread);
    }

    /** The first record at or after each position; a partition whose record does not come in time is left out. */
    private Map<Integer, Instant> firstRecordTimes(Map<TopicPartition, Long> positions) {
        Map<Integer, Instant> written = new TreeMap<>();
        List<TopicPartition> waiting = new ArrayList<>(positions.keySet());
        reader.assign(waiting);
        positions.forEach(reader::seek);
        long deadline = System.nanoTime() + Duration.ofMillis(timeoutMillis).toNanos();
        try {
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<?, ?> record : reader.poll(Duration.ofMillis(100))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (waiting.remove(partition)) {
                        written.put(record.partition(), Instant.ofEpochMilli(record.timestamp()));
                        reader.pause(List.of(partition));
                    }
                }
            }
        } finally {
            reader.resume(reader.paused());
            reader.assign(List.of());
        }
        return written;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)),
                        new ListOffsetsOptions().timeoutMs(timeoutMillis))
                .all().get(timeoutMillis, TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
