package dev.cordon.standalone.cluster;

import dev.cordon.standalone.kafka.BrokerCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One node of the cluster's KRaft quorum, broker and controller in one process as in docker/compose.yaml, on loopback
 * ports of its own. Security is the standalone broker's (see BrokerConfig): SASL/SCRAM for the services on CLIENT,
 * the brokers' own user with SASL/PLAIN on INTERNAL (between brokers, and the launcher's grants) and CONTROLLER.
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
        String admin = BrokerCredentials.ADMIN;
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                + "\" password=\"" + credentials.adminPassword() + "\" user_" + admin + "=\""
                + credentials.adminPassword() + "\";";
        String rf = Integer.toString(topology.replicationFactor());
        String minIsr = Integer.toString(topology.minInsyncReplicas());
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + id,
                "controller.quorum.voters=" + voters(quorum),
                "listeners=CLIENT://127.0.0.1:" + clientPort + ",INTERNAL://127.0.0.1:" + internalPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=CLIENT://127.0.0.1:" + clientPort + ",INTERNAL://127.0.0.1:" + internalPort,
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=INTERNAL",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.client.sasl.enabled.mechanisms=" + BrokerCredentials.MECHANISM,
                "listener.name.client.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.internal.sasl.enabled.mechanisms=PLAIN",
                "listener.name.internal.plain.sasl.jaas.config=" + plain,
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + plain,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + admin,
                "allow.everyone.if.no.acl.found=false",
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
                "auto.create.topics.enable=false",
                "log.retention.hours=" + topology.retention().toHours(),
                // The services start only once all brokers serve: waiting for more members would only delay them.
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** The node's ports, never the credentials its properties hold. */
    @Override
    public String toString() {
        return "ClusterNode[" + id + ", client " + clientPort + ", internal " + internalPort + ", controller "
                + controllerPort + "]";
    }
}
