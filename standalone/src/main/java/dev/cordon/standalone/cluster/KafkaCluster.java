package dev.cordon.standalone.cluster;

import dev.cordon.standalone.config.StandaloneProperties;
import dev.cordon.standalone.files.OwnerOnly;
import dev.cordon.standalone.kafka.BrokerAccess;
import dev.cordon.standalone.kafka.BrokerCredentials;
import dev.cordon.standalone.kafka.KafkaBroker;
import dev.cordon.standalone.process.ChildProcess;
import dev.cordon.standalone.process.FreePorts;
import dev.cordon.standalone.process.JavaCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cluster's brokers: one KRaft quorum of {@link ClusterTopology#brokers()} nodes as child processes, from the
 * jars the standalone broker uses, each storage under {@code data/cluster/kafka-N} formatted once with one cluster id
 * and kept. The launcher supervises each node: killed, it is started again on the same ports and storage.
 */
final class KafkaCluster {

    private static final String CLUSTER_ID_FILE = "cluster-id";

    private KafkaCluster() {
    }

    /**
     * @param bootstrapServers every node's client listener
     * @param credentials      the brokers' users, the same on every node
     * @param nodes            each node's first start, and how to start it again, in node id order
     */
    record Running(String bootstrapServers, BrokerCredentials credentials, List<Node> nodes) {
    }

    /** A node as it runs now, and its command line: run again, it serves on the same ports from the same storage. */
    record Node(ChildProcess process, KafkaBroker.Launch launch) {
    }

    /**
     * Starts every node, waits until each serves, and grants the services their users and ACLs.
     *
     * @param started told of each node as soon as it exists, so that a stop during start-up finds it
     */
    static Running start(Path kafkaLib, Path watchdogAgent, List<String> javaOptions, Path clusterDir, Path logs,
            StandaloneProperties.Logs logRotation, ClusterTopology topology, Duration timeout, String topic,
            String consumerGroup, Consumer<ChildProcess> started) {
        BrokerCredentials credentials;
        String clusterId;
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            OwnerOnly.directory(clusterDir);
            credentials = BrokerCredentials.of(clusterDir);
            clusterId = clusterId(clusterDir);
            List<Integer> taken = new ArrayList<>();
            for (int id = 1; id <= topology.brokers(); id++) {
                Path home = clusterDir.resolve("kafka-" + id);
                OwnerOnly.directory(home);
                nodes.add(new ClusterNode(id, port(taken), port(taken), port(taken), home));
            }
            for (ClusterNode node : nodes) {
                // Its owner's only before the admin password is in.
                OwnerOnly.narrow(node.serverProperties());
                Files.writeString(node.serverProperties(), node.serverProperties(nodes, credentials, topology));
                Path log4j = node.home().resolve("log4j2.properties");
                OwnerOnly.narrow(log4j);
                try (InputStream in = KafkaCluster.class.getResourceAsStream("/kafka/log4j2.properties")) {
                    Files.write(log4j, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = kafkaLib.resolve("*").toString();
        List<Node> running = new ArrayList<>();
        for (ClusterNode node : nodes) {
            Path log = logs.resolve("kafka-" + node.id() + ".log");
            if (!Files.exists(node.logDirs().resolve("meta.properties"))) {
                KafkaBroker.format(classpath, node.serverProperties(), clusterId, log, timeout);
            }
            List<String> options = new ArrayList<>(javaOptions);
            options.addAll(KafkaBroker.logOptions(node.home().resolve("log4j2.properties"), log, logRotation));
            KafkaBroker.Launch launch = new KafkaBroker.Launch("Kafka broker " + node.id(), JavaCommand.of(options,
                    watchdogAgent, List.of("-cp", classpath, "kafka.Kafka", node.serverProperties().toString())),
                    KafkaBroker.outputBeside(log), log, timeout);
            ChildProcess process = launch.start();
            started.accept(process);
            running.add(new Node(process, launch));
        }
        // Started together: each waits for a quorum of the others before it says it serves.
        running.forEach(node -> node.launch().awaitReady(node.process()));
        BrokerAccess.grant(ClusterNode.internalBootstrapServers(nodes), credentials, topic, consumerGroup, timeout,
                logs.resolve("kafka-1.log"));
        return new Running(ClusterNode.bootstrapServers(nodes), credentials, List.copyOf(running));
    }

    /** One id for every node, kept beside their storages: a node formatted later must join the same cluster. */
    private static String clusterId(Path clusterDir) throws IOException {
        Path file = clusterDir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String id = KafkaBroker.clusterId();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    private static int port(List<Integer> taken) {
        int port = FreePorts.nextExcept(taken.stream().mapToInt(Integer::intValue).toArray());
        taken.add(port);
        return port;
    }
}
