package dev.cordon.standalone.cluster;

import java.util.List;
import java.util.Locale;

/** The cluster's part of the start message: what runs where, before the standalone mode's quick start. */
final class ClusterSummary {

    private ClusterSummary() {
    }

    /** A running service: its name, its own port (for health checks and debugging) and its PID. */
    record Child(String name, int port, long pid) {
    }

    static String text(ClusterTopology topology, String bootstrapServers, String database, List<Child> children) {
        StringBuilder text = new StringBuilder();
        text.append('\n')
                .append(String.format(Locale.ROOT, "Cordon cluster: %d Kafka brokers (%s), topic of %d partitions,"
                                + " replication factor %d, min.insync.replicas %d, kept %s%n", topology.brokers(),
                        bootstrapServers, topology.partitions(), topology.replicationFactor(),
                        topology.minInsyncReplicas(), topology.retentionSetting()))
                .append("Database: ").append(database).append('\n');
        for (Child child : children) {
            text.append(String.format(Locale.ROOT, "  %-16s http://127.0.0.1:%-6d PID %d%n", child.name(),
                    child.port(), child.pid()));
        }
        text.append("The gateway spreads each side's requests over its instances; a child that dies is started"
                + " again.\n");
        return text.toString();
    }
}
