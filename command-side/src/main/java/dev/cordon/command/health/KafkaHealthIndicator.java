package dev.cordon.command.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Whether the broker answers and the topic exists. Only asks (describe cluster, describe topic): a health check
 * must never create the topic with broker defaults. One admin client is kept for the application's life rather
 * than a new one (threads, connections) per check.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;
    private final String topic;
    private final int timeoutMillis;

    public KafkaHealthIndicator(Map<String, Object> adminProperties, String topic, long timeoutMillis) {
        super("Kafka health check failed");
        this.timeoutMillis = (int) timeoutMillis;
        this.topic = topic;
        Map<String, Object> props = new HashMap<>(adminProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "cordon-health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, this.timeoutMillis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, this.timeoutMillis);
        // Notice a broker that is back within a second, not after the default back-off of up to 10 s.
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        this.admin = Admin.create(props);
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
            builder.status(HealthStatuses.DEGRADED).withDetail("error", "Broker unreachable: " + rootMessage(e));
            return;
        }
        try {
            TopicDescription description = admin.describeTopics(List.of(topic),
                            new DescribeTopicsOptions().timeoutMs(timeoutMillis))
                    .allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS).get(topic);
            builder.up().withDetail("partitions", description.partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                builder.status(HealthStatuses.DEGRADED).withDetail("error", "Topic " + topic + " does not exist");
            } else {
                builder.status(HealthStatuses.DEGRADED).withDetail("error", "Topic not described: " + rootMessage(e));
            }
        } catch (TimeoutException e) {
            builder.status(HealthStatuses.DEGRADED).withDetail("error", "Topic not described: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
