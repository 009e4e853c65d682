package dev.cordon.standalone.cluster;

import java.time.Duration;

/**
 * The distributed topology, the same as docker/compose.yaml describes (ClusterTopologyTest holds the two equal): three
 * KRaft nodes, each broker and controller, and a topic whose every partition has three copies, two of which must
 * acknowledge a write, kept for 30 days.
 *
 * @param brokers           KRaft nodes; a three-voter quorum survives the loss of one
 * @param partitions        the topic's partitions: more than the query-side replicas, so each gets some
 * @param replicationFactor copies of every partition (Kafka's internal topics too)
 * @param minInsyncReplicas copies that must have a write before it is acknowledged
 * @param retention         how long the brokers and the topic keep records
 */
public record ClusterTopology(int brokers, int partitions, int replicationFactor, int minInsyncReplicas,
                              Duration retention) {

    public static final ClusterTopology DEFAULT = new ClusterTopology(3, 6, 3, 2, Duration.ofDays(30));

    /** As the command side's CORDON_KAFKA_RETENTION reads it. */
    public String retentionSetting() {
        return retention.toDays() + "d";
    }
}
