package dev.cordon.service.health;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Whether the broker answers and the topic exists. Only asks (describe cluster, describe topic): a health check must
 * never create the topic with broker defaults. Neither side stops serving without the broker, so unreachable is
 * DEGRADED, not DOWN.
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
        try {
            DescribeClusterResult cluster =
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis));
            Collection<Node> nodes = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS);
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
}
