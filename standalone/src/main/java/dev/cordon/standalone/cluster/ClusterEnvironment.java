package dev.cordon.standalone.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * What a cluster instance is told on top of the standalone mode's environment (ServiceEnvironment): its own Kafka
 * client id, so that the brokers' logs, metrics and quotas tell the instances apart, and, for the command sides, the
 * topic's settings, the same as compose.yaml passes. The launcher's own profile is not the services'.
 */
final class ClusterEnvironment {

    private ClusterEnvironment() {
    }

    static Map<String, String> commandSide(int instance, ClusterTopology topology) {
        Map<String, String> env = instance("cordon-command-side-" + instance);
        env.put("CORDON_KAFKA_PARTITIONS", Integer.toString(topology.partitions()));
        env.put("CORDON_KAFKA_REPLICATION_FACTOR", Integer.toString(topology.replicationFactor()));
        env.put("CORDON_KAFKA_MIN_INSYNC_REPLICAS", Integer.toString(topology.minInsyncReplicas()));
        env.put("CORDON_KAFKA_RETENTION", topology.retentionSetting());
        return env;
    }

    static Map<String, String> querySide(int instance) {
        return instance("cordon-query-side-" + instance);
    }

    /** For the token service: only the launcher's profile removed. */
    static Map<String, String> tokenService() {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", null);
        return env;
    }

    private static Map<String, String> instance(String clientId) {
        Map<String, String> env = tokenService();
        env.put("CORDON_KAFKA_CLIENT_ID", clientId);
        return env;
    }
}
