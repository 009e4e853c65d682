package dev.cordon.service.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Whether the brokers answer, the topic exists and all its replicas are there. Only asks (describe cluster, describe
 * topic): a health check must never create the topic with broker defaults. Neither side stops serving without the
 * broker, so unreachable is DEGRADED, not DOWN. So is a topic that still works with a broker fewer: its replicas name
 * a broker that is not among the live ones ({@code deadBrokers}), a partition has fewer in-sync replicas than replicas
 * ({@code underReplicatedPartitions}: one more loss and acks=all writes stop under min.insync.replicas), or has no
 * leader ({@code offlinePartitions}: nothing is written to it now).
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements UnansweredStatus {

    private final Admin admin;
    private final String topic;
    private final int timeoutMillis;

    public KafkaHealthIndicator(Admin admin, String topic, long timeoutMillis) {
        super("Kafka health check failed");
        this.admin = admin;
        this.topic = topic;
        this.timeoutMillis = (int) timeoutMillis;
    }

    /** A broker that does not answer in time is away: DEGRADED, as when it refuses. */
    @Override
    public Status unansweredStatus() {
        return HealthStatuses.DEGRADED;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("topic", topic);
        Set<Integer> live = new TreeSet<>();
        try {
            DescribeClusterResult cluster =
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis));
            Collection<Node> nodes = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS);
            nodes.forEach(node -> live.add(node.id()));
            builder.withDetail("clusterId", cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS))
                    .withDetail("brokers", nodes.size());
        } catch (ExecutionException | TimeoutException e) {
            builder.status(HealthStatuses.DEGRADED)
                    .withDetail("error", "Broker unreachable: " + KafkaErrors.describe(e));
            return;
        }
        try {
            TopicDescription description = admin.describeTopics(List.of(topic),
                            new DescribeTopicsOptions().timeoutMs(timeoutMillis))
                    .allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS).get(topic);
            builder.up().withDetail("partitions", description.partitions().size());
            replication(description, live, builder);
        } catch (ExecutionException e) {
            builder.status(HealthStatuses.DEGRADED).withDetail("error",
                    e.getCause() instanceof UnknownTopicOrPartitionException
                            ? "Topic " + topic + " does not exist"
                            : "Topic not described: " + KafkaErrors.describe(e));
        } catch (TimeoutException e) {
            builder.status(HealthStatuses.DEGRADED)
                    .withDetail("error", "Topic not described: " + KafkaErrors.describe(e));
        }
    }

    private static void replication(TopicDescription description, Set<Integer> live, Health.Builder builder) {
        Set<Integer> dead = new TreeSet<>();
        Map<Integer, String> underReplicated = new TreeMap<>();
        List<Integer> offline = new ArrayList<>();
        for (TopicPartitionInfo partition : description.partitions()) {
            List<Integer> replicas = ids(partition.replicas());
            List<Integer> inSync = ids(partition.isr());
            replicas.stream().filter(id -> !live.contains(id)).forEach(dead::add);
            if (inSync.size() < replicas.size()) {
                underReplicated.put(partition.partition(), "in sync " + inSync + " of replicas " + replicas);
            }
            if (partition.leader() == null || partition.leader().isEmpty()) {
                offline.add(partition.partition());
            }
        }
        if (!dead.isEmpty()) {
            builder.withDetail("deadBrokers", dead);
        }
        if (!underReplicated.isEmpty()) {
            builder.withDetail("underReplicatedPartitions", underReplicated);
        }
        if (!offline.isEmpty()) {
            builder.withDetail("offlinePartitions", offline);
        }
        if (!dead.isEmpty() || !underReplicated.isEmpty() || !offline.isEmpty()) {
            builder.status(HealthStatuses.DEGRADED);
        }
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).sorted().toList();
    }
}
