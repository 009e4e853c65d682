package dev.cordon.standalone.kafka;

import java.util.List;

/**
 * A node's listeners and who may use them, the same for the standalone broker and each node of the cluster mode's
 * quorum: no listener takes a client without credentials, and none lets an authenticated user do more than its ACLs
 * say. The services log in with SASL/SCRAM on CLIENT; the brokers' own user, a super user, with SASL/PLAIN on
 * INTERNAL (between brokers, between a node's broker and controller parts, and for the launcher's grants) and on
 * CONTROLLER. PLAIN there because KRaft cannot check SCRAM on the controller listener (SCRAM's credentials live in
 * the metadata log the controller serves), and because the internal listener must work before any SCRAM user exists,
 * on a storage formatted by an earlier version too.
 */
public final class BrokerListeners {

    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    private BrokerListeners() {
    }

    /** server.properties lines, everything on loopback. */
    public static List<String> lines(int clientPort, int internalPort, int controllerPort,
            BrokerCredentials credentials) {
        String admin = BrokerCredentials.ADMIN;
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                + "\" password=\"" + credentials.adminPassword() + "\" user_" + admin + "=\""
                + credentials.adminPassword() + "\";";
        return List.of(
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
                "authorizer.class.name=" + AUTHORIZER,
                "super.users=User:" + admin,
                "allow.everyone.if.no.acl.found=false");
    }
}
