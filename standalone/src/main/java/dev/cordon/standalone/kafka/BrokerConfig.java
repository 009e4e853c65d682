package dev.cordon.standalone.kafka;

import java.nio.file.Path;

/**
 * The single-node KRaft broker's server.properties: broker and controller in one process, everything on
 * loopback, replication factors of one, topics only as the command side creates them, events kept forever
 * (the topic is how the query side could rebuild its read models).
 *
 * <p>No listener takes a client without credentials, and none lets an authenticated user do more than its ACLs
 * say: the services log in with SASL/SCRAM on the client listener; the broker's own user, a super user, logs in
 * with SASL/PLAIN on the controller listener and on an internal one (between the node's broker and controller
 * parts, and for the launcher's grants). PLAIN there because KRaft cannot check SCRAM on the controller listener
 * (SCRAM's credentials live in the metadata log the controller serves), and because the internal listener must work
 * before any SCRAM user exists, on a storage formatted by an earlier version too.
 */
record BrokerConfig(int brokerPort, int internalPort, int controllerPort, Path logDirs, BrokerCredentials credentials) {

    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Where the launcher reaches the broker as its super user. */
    String internalBootstrapServers() {
        return "127.0.0.1:" + internalPort;
    }

    String serverProperties() {
        String admin = BrokerCredentials.ADMIN;
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                + "\" password=\"" + credentials.adminPassword() + "\" user_" + admin + "=\""
                + credentials.adminPassword() + "\";";
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=CLIENT://127.0.0.1:" + brokerPort + ",INTERNAL://127.0.0.1:" + internalPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=CLIENT://127.0.0.1:" + brokerPort + ",INTERNAL://127.0.0.1:" + internalPort,
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
                "authorizer.class.name=" + AUTHORIZER,
                "super.users=User:" + admin,
                "allow.everyone.if.no.acl.found=false",
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

    /** Never the admin password, should the record be logged. */
    @Override
    public String toString() {
        return "BrokerConfig[" + bootstrapServers() + ", internal " + internalBootstrapServers() + ", controller "
                + controllerPort + ", " + logDirs + "]";
    }
}
