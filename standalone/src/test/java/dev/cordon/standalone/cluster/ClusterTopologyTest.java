package dev.cordon.standalone.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.standalone.kafka.BrokerCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The cluster mode and docker/compose.yaml describe one topology: a change to one that the other lacks fails here. */
class ClusterTopologyTest {

    private static final Path COMPOSE = Path.of("..", "docker", "compose.yaml");
    private static final ClusterTopology TOPOLOGY = ClusterTopology.DEFAULT;

    @Test
    void topology_equalsTheComposeFiles() throws IOException {
        Map<String, Object> services = services();

        assertThat(services.keySet().stream().filter(name -> name.matches("kafka-\\d+"))).hasSize(TOPOLOGY.brokers());
        Map<String, Object> broker = environment(services, "kafka-1");
        assertThat(number(broker, "KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo(TOPOLOGY.replicationFactor());
        assertThat(number(broker, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo(TOPOLOGY.replicationFactor());
        assertThat(number(broker, "KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo(TOPOLOGY.minInsyncReplicas());
        assertThat(number(broker, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).isEqualTo(TOPOLOGY.minInsyncReplicas());
        assertThat((long) number(broker, "KAFKA_LOG_RETENTION_HOURS")).isEqualTo(TOPOLOGY.retention().toHours());
        assertThat(number(broker, "KAFKA_BROKER_HEARTBEAT_INTERVAL_MS"))
                .isEqualTo(FailureDetection.HEARTBEAT_INTERVAL_MS);
        assertThat(number(broker, "KAFKA_BROKER_SESSION_TIMEOUT_MS")).isEqualTo(FailureDetection.SESSION_TIMEOUT_MS);
        assertThat(number(broker, "KAFKA_REPLICA_LAG_TIME_MAX_MS")).isEqualTo(FailureDetection.REPLICA_LAG_TIME_MAX_MS);

        Map<String, Object> commandSide = environment(services, "command-side-1");
        Map<String, String> passed = ClusterEnvironment.commandSide(1, TOPOLOGY);
        for (String name : List.of("CORDON_KAFKA_PARTITIONS", "CORDON_KAFKA_REPLICATION_FACTOR",
                "CORDON_KAFKA_MIN_INSYNC_REPLICAS", "CORDON_KAFKA_RETENTION")) {
            assertThat(passed.get(name)).as(name).isEqualTo(String.valueOf(commandSide.get(name)));
        }
    }

    @Test
    void replicas_areAsManyAsTheComposeFilesByDefault() throws IOException {
        Map<String, Object> services = services();
        String yml = Files.readString(Path.of("src", "main", "resources", "application.yml"));
        assertThat(yml).contains("${CORDON_CLUSTER_COMMAND_SIDES:" + count(services, "command-side-") + "}")
                .contains("${CORDON_CLUSTER_QUERY_SIDES:" + count(services, "query-side-") + "}");
    }

    @Test
    void everyNode_hasTheTopologysFloors() throws IOException {
        List<ClusterNode> nodes = List.of(new ClusterNode(1, 9001, 9002, 9003, Path.of("/tmp/k1")),
                new ClusterNode(2, 9011, 9012, 9013, Path.of("/tmp/k2")),
                new ClusterNode(3, 9021, 9022, 9023, Path.of("/tmp/k3")));
        Properties server = new Properties();
        try (Reader in = new StringReader(nodes.get(1).serverProperties(nodes,
                new BrokerCredentials("a".repeat(43), "c".repeat(43), "q".repeat(43)), TOPOLOGY))) {
            server.load(in);
        }

        assertThat(server.getProperty("node.id")).isEqualTo("2");
        assertThat(server.getProperty("controller.quorum.voters"))
                .isEqualTo("1@127.0.0.1:9003,2@127.0.0.1:9013,3@127.0.0.1:9023");
        assertThat(server.getProperty("default.replication.factor")).isEqualTo("3");
        assertThat(server.getProperty("min.insync.replicas")).isEqualTo("2");
        assertThat(server.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
        assertThat(server.getProperty("log.retention.hours")).isEqualTo("720");
        assertThat(server.getProperty("unclean.leader.election.enable")).isEqualTo("false");
        assertThat(server.getProperty("broker.session.timeout.ms")).isEqualTo("2500");
        assertThat(server.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
    }

    @Test
    void instances_haveTheirOwnClientIds() {
        assertThat(ClusterEnvironment.commandSide(1, TOPOLOGY).get("CORDON_KAFKA_CLIENT_ID"))
                .isNotEqualTo(ClusterEnvironment.commandSide(2, TOPOLOGY).get("CORDON_KAFKA_CLIENT_ID"));
        assertThat(ClusterEnvironment.querySide(1).get("CORDON_KAFKA_CLIENT_ID"))
                .isNotEqualTo(ClusterEnvironment.querySide(2).get("CORDON_KAFKA_CLIENT_ID"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        try (Reader in = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Object>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> services, String service) {
        return (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("environment");
    }

    private static int number(Map<String, Object> environment, String name) {
        return Integer.parseInt(String.valueOf(environment.get(name)));
    }

    private static long count(Map<String, Object> services, String prefix) {
        return services.keySet().stream().filter(name -> name.startsWith(prefix)).count();
    }
}
