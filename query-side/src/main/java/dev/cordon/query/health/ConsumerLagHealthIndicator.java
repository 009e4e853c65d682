package dev.cordon.query.health;

import dev.cordon.service.health.HealthStatuses;
import dev.cordon.service.health.KafkaErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * How far the projection is behind the topic: per partition, the end offset minus the group's committed offset
 * (or minus the start of the partition where the group has committed nothing, as it then reads from the earliest).
 * <p>
 * Lag never makes this DOWN: every read is still answered, only from read models that are behind, and taking the
 * instance out of service or restarting it would not make it catch up sooner. Above the configured threshold it is
 * DEGRADED (still 200), so that whoever looks at health sees that reads are stale; alerts come from the Kafka
 * client's own lag metric. A listener container that is not running is DEGRADED too: nothing will be projected.
 * When the offsets cannot be read (the broker is away, which the kafka component reports) this is UNKNOWN.
 */
public class ConsumerLagHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;
    private final String topic;
    private final String group;
    private final long threshold;
    private final int timeoutMillis;
    private final Supplier<MessageListenerContainer> listener;

    public ConsumerLagHealthIndicator(Admin admin, String topic, String group, long threshold, long timeoutMillis,
                                      Supplier<MessageListenerContainer> listener) {
        super("Consumer lag health check failed");
        this.admin = admin;
        this.topic = topic;
        this.group = group;
        this.threshold = threshold;
        this.timeoutMillis = (int) timeoutMillis;
        this.listener = listener;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        MessageListenerContainer container = listener.get();
        boolean listening = container != null && container.isRunning();
        builder.withDetail("group", group).withDetail("topic", topic).withDetail("listenerRunning", listening)
                .withDetail("threshold", threshold);
        Map<Integer, Long> lag;
        try {
            lag = lagByPartition();
        } catch (ExecutionException | TimeoutException e) {
            builder.status(listening ? Status.UNKNOWN : HealthStatuses.DEGRADED)
                    .withDetail("error", "Offsets not read: " + KafkaErrors.describe(e));
            return;
        }
        long total = lag.values().stream().mapToLong(Long::longValue).sum();
        builder.withDetail("lag", total).withDetail("partitions", lag);
        boolean behind = threshold > 0 && total > threshold;
        builder.status(listening && !behind ? Status.UP : HealthStatuses.DEGRADED);
    }

    private Map<Integer, Long> lagByPartition() throws ExecutionException, TimeoutException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic),
                        new DescribeTopicsOptions().timeoutMs(timeoutMillis)).allTopicNames()
                .get(timeoutMillis, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group,
                        new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMillis))
                .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS));
        committed.values().removeIf(Objects::isNull);
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        List<TopicPartition> uncommitted = partitions.stream().filter(p -> !committed.containsKey(p)).toList();
        Map<TopicPartition, Long> start =
                uncommitted.isEmpty() ? Map.of() : offsets(uncommitted, OffsetSpec.earliest());
        Map<Integer, Long> lag = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            long position = committed.containsKey(partition) ? committed.get(partition).offset() : start.get(partition);
            lag.put(partition.partition(), Math.max(0, end.get(partition) - position));
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)),
                        new ListOffsetsOptions().timeoutMs(timeoutMillis))
                .all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
