package dev.cordon.standalone.kafka;

import java.nio.file.Path;

/**
 * The single-node KRaft broker's server.properties: broker and controller in one process, everything on
 * loopback, replication factors of one, topics only as the command side creates them, events kept forever
 * (the topic is how the query side could rebuild its read models).
 */
record BrokerConfig(int brokerPort, int controllerPort, Path logDirs) {

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
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
                "");
    }
}
