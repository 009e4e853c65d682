package dev.cordon.standalone.cluster;

import dev.cordon.standalone.kafka.BrokerCredentials;
import dev.cordon.standalone.kafka.BrokerListeners;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One node of the cluster's KRaft quorum, broker and controller in one process as in docker/compose.yaml, on loopback
 * ports of its own. Its listeners and their security are the standalone broker's ({@link BrokerListeners}).
 *
 * @param id             the node id, 1 to the number of brokers
 * @param clientPort     where the services connect
 * @param internalPort   between the brokers, and for the launcher as the brokers' own user
 * @param controllerPort the quorum's
 * @param home           the node's directory: its server.properties and, under data, its log
 */
record ClusterNode(int id, int clientPort, int internalPort, int controllerPort, Path home) {

    Path logDirs() {
        return home.resolve("data");
    }

    Path serverProperties() {
        return home.resolve("server.properties");
    }

    static String voters(List<ClusterNode> nodes) {
        return nodes.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).collect(Collectors.joining(","));
    }

    static String bootstrapServers(List<ClusterNode> nodes) {
        return nodes.stream().map(n -> "127.0.0.1:" + n.clientPort()).collect(Collectors.joining(","));
    }

    static String internalBootstrapServers(List<ClusterNode> nodes) {
        return nodes.stream().map(n -> "127.0.0.1:" + n.internalPort()).collect(Collectors.joining(","));
    }

    String serverProperties(List<ClusterNode> quorum, BrokerCredentials credentials, ClusterTopology topology) {
        String rf = Integer.toString(topology.replicationFactor());
        String minIsr = Integer.toString(topology.minInsyncReplicas());
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=" + id,
                "controller.quorum.voters=" + voters(quorum)));
        lines.addAll(BrokerListeners.lines(clientPort, internalPort, controllerPort, credentials));
        lines.addAll(List.of(
                "log.dirs=" + logDirs().toString().replace("\\", "/"),
                // Floors for every topic, Kafka's internal ones too, as compose.yaml's KAFKA_* settings.
                "default.replication.factor=" + rf,
                "min.insync.replicas=" + minIsr,
                "offsets.topic.replication.factor=" + rf,
                "transaction.state.log.replication.factor=" + rf,
                "transaction.state.log.min.isr=" + minIsr,
                "share.coordinator.state.topic.replication.factor=" + rf,
                "share.coordinator.state.topic.min.isr=" + minIsr,
                "unclean.leader.election.enable=false",
                // Failure detection fast enough that a dead broker's partitions move before the command side's 5 s
                // send timeout fails the batches in flight (docs/operations.md#failover, as compose.yaml sets).
                "broker.heartbeat.interval.ms=" + FailureDetection.HEARTBEAT_INTERVAL_MS,
                "broker.session.timeout.ms=" + FailureDetection.SESSION_TIMEOUT_MS,
                "replica.lag.time.max.ms=" + FailureDetection.REPLICA_LAG_TIME_MAX_MS,
                "auto.create.topics.enable=false",
                "log.retention.hours=" + topology.retention().toHours(),
                // The services start only once all brokers serve: waiting for more members would only delay them.
                "group.initial.rebalance.delay.ms=0",
                ""));
        return String.join("\n", lines);
    }

    /** The node's ports, never the credentials its properties hold. */
    @Override
    public String toString() {
        return "ClusterNode[" + id + ", client " + clientPort + ", internal " + internalPort + ", controller "
                + controllerPort + "]";
    }
}
