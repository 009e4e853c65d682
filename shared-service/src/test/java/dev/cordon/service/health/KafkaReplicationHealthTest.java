package dev.cordon.service.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** What the kafka component says about the topic's replicas, from the answers of a three-broker cluster. */
class KafkaReplicationHealthTest {

    private static final String TOPIC = "cordon.device-events";
    private static final Node ONE = new Node(1, "127.0.0.1", 19092);
    private static final Node TWO = new Node(2, "127.0.0.1", 29092);
    private static final Node THREE = new Node(3, "127.0.0.1", 39092);
    /** How a describe-topic answer names a replica on a broker that is not registered. */
    private static final Node THREE_GONE = new Node(3, "", -1);

    @Test
    void health_withAllReplicasInSync_isUp() {
        Health health = health(List.of(ONE, TWO, THREE),
                partition(0, ONE, List.of(ONE, TWO, THREE), List.of(ONE, TWO, THREE)),
                partition(1, TWO, List.of(TWO, THREE, ONE), List.of(TWO, THREE, ONE)));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("brokers", 3).containsEntry("partitions", 2)
                .doesNotContainKeys("deadBrokers", "underReplicatedPartitions", "offlinePartitions");
    }

    @Test
    void health_withABrokerGone_isDegradedAndNamesItAndTheUnderReplicatedPartitions() {
        Health health = health(List.of(ONE, TWO),
                partition(0, ONE, List.of(ONE, TWO, THREE_GONE), List.of(ONE, TWO)),
                partition(1, TWO, List.of(TWO, THREE_GONE, ONE), List.of(TWO, ONE)),
                partition(2, ONE, List.of(ONE, TWO), List.of(ONE, TWO)));

        assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(health.getDetails().get("deadBrokers")).asString().isEqualTo("[3]");
        assertThat(health.getDetails().get("underReplicatedPartitions")).asString()
                .isEqualTo("{0=in sync [1, 2] of replicas [1, 2, 3], 1=in sync [1, 2] of replicas [1, 2, 3]}");
    }

    @Test
    void health_withAPartitionWithoutLeader_isDegradedAndNamesIt() {
        Health health = health(List.of(ONE),
                partition(0, null, List.of(TWO, THREE), List.of(TWO)));

        assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(health.getDetails().get("offlinePartitions")).asString().isEqualTo("[0]");
        assertThat(health.getDetails().get("deadBrokers")).asString().isEqualTo("[2, 3]");
    }

    private static TopicPartitionInfo partition(int id, Node leader, List<Node> replicas, List<Node> inSync) {
        return new TopicPartitionInfo(id, leader, replicas, inSync);
    }

    private static Health health(List<Node> live, TopicPartitionInfo... partitions) {
        Admin admin = mock(Admin.class);
        DescribeClusterResult cluster = mock(DescribeClusterResult.class);
        when(cluster.nodes()).thenReturn(KafkaFuture.completedFuture(live));
        when(cluster.clusterId()).thenReturn(KafkaFuture.completedFuture("cluster"));
        when(admin.describeCluster(any(DescribeClusterOptions.class))).thenReturn(cluster);
        DescribeTopicsResult topics = mock(DescribeTopicsResult.class);
        when(topics.allTopicNames()).thenReturn(KafkaFuture.completedFuture(
                Map.of(TOPIC, new TopicDescription(TOPIC, false, List.of(partitions)))));
        when(admin.describeTopics(any(java.util.Collection.class), any(DescribeTopicsOptions.class)))
                .thenReturn(topics);
        return new KafkaHealthIndicator(admin, TOPIC, 500).health();
    }
}
