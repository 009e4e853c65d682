package dev.cordon.standalone.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-node KRaft broker's server.properties: broker and controller in one process, everything on
 * loopback, replication factors of one, topics only as the command side creates them, events kept forever
 * (the topic is how the query side could rebuild its read models).
 * Its listeners and their security are {@link BrokerListeners}'.
 */
record BrokerConfig(int brokerPort, int internalPort, int controllerPort, Path logDirs, BrokerCredentials credentials) {

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Where the launcher reaches the broker as its super user. */
    String internalBootstrapServers() {
        return "127.0.0.1:" + internalPort;
    }

    String serverProperties() {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort));
        lines.addAll(BrokerListeners.lines(brokerPort, internalPort, controllerPort, credentials));
        lines.addAll(List.of(
                "log.dirs=" + logDirs.toString().replace("\\", "/"),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=-1",
                ""));
        return String.join("\n", lines);
    }

    /** Never the admin password, should the record be logged. */
    @Override
    public String toString() {
        return "BrokerConfig[" + bootstrapServers() + ", internal " + internalBootstrapServers() + ", controller "
                + controllerPort + ", " + logDirs + "]";
    }
}
