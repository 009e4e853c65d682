package dev.cordon.query.rebuild;

import dev.cordon.query.projection.DeviceEventListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The live projection's consumer, as a rebuild needs to hold it: caught up with the topic, then paused (it commits
 * a poll's offsets right after that poll's transaction, and pauses only between polls, so once paused, its committed
 * offsets are exactly what the live read models hold), and resumed afterwards, on whatever tables then carry the
 * live names.
 */
@Component
class LiveProjection {

    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaListenerEndpointRegistry registry;
    private final RebuildKafka kafka;

    LiveProjection(KafkaListenerEndpointRegistry registry, RebuildKafka kafka) {
        this.registry = registry;
        this.kafka = kafka;
    }

    /**
     * Waits until the live consumer has committed up to the topic's current end, so that it holds at least what a
     * rebuild read before, then pauses it.
     *
     * @return its committed offsets, once paused
     */
    Map<TopicPartition, Long> pauseWhenCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = kafka.newAdmin()) {
            Map<TopicPartition, Long> target = endOffsets(admin);
            long behind = behind(target, committed(admin));
            while (behind > 0) {
                if (System.nanoTime() > deadline) {
                    throw new RebuildException("The live projection stayed " + behind + " records behind "
                            + kafka.topic() + " for " + timeout.toSeconds() + " s; is it failing on a record?");
                }
                Thread.sleep(100);
                behind = behind(target, committed(admin));
            }
            MessageListenerContainer container = container();
            container.pause();
            while (!container.isContainerPaused()) {
                if (System.nanoTime() > deadline) {
                    throw new RebuildException("The live projection did not pause within " + timeout.toSeconds()
                            + " s");
                }
                Thread.sleep(20);
            }
            return committed(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildException("Interrupted while waiting for the live projection");
        }
    }

    void resume() {
        container().resume();
    }

    private MessageListenerContainer container() {
        MessageListenerContainer container = registry.getListenerContainer(DeviceEventListener.ID);
        if (container == null) {
            throw new RebuildException("The live projection's listener " + DeviceEventListener.ID + " is missing");
        }
        return container;
    }

    private static long behind(Map<TopicPartition, Long> target, Map<TopicPartition, Long> committed) {
        return target.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L))).sum();
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) {
        TopicDescription topic = await(admin.describeTopics(List.of(kafka.topic())).allTopicNames())
                .get(kafka.topic());
        Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream().collect(Collectors.toMap(
                partition -> new TopicPartition(kafka.topic(), partition.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = await(admin.listOffsets(latest).all());
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<TopicPartition, Long> committed(Admin admin) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                await(admin.listConsumerGroupOffsets(kafka.liveGroup()).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(kafka.topic())) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildException("Interrupted while asking Kafka");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new RebuildException("Kafka did not answer: " + cause, cause);
        }
    }
}
