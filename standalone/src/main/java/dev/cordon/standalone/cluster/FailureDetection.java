package dev.cordon.standalone.cluster;

/**
 * How fast the brokers notice one of them is gone, chosen by measurement (PublishFailoverIT, docs/operations.md#failover):
 * with Kafka's defaults (2 s heartbeats, a 9 s session) the controller fences a dead broker only after 8-10 s, and
 * publishing to the partitions it led stalls that long; with these, 2.5-3.4 s. The session stays shorter than the
 * command side's 5 s send timeout, so batches in flight wait for the new leader instead of failing and being sent twice.
 * docker/compose.yaml sets the same (ClusterTopologyTest).
 */
final class FailureDetection {

    static final int HEARTBEAT_INTERVAL_MS = 500;
    static final int SESSION_TIMEOUT_MS = 2500;
    static final int REPLICA_LAG_TIME_MAX_MS = 5000;

    private FailureDetection() {
    }
}
