package dev.cordon.command.support;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kafka.server.BrokerServer;
import kafka.testkit.KafkaClusterTestKit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-process KRaft cluster of three brokers (Spring's test cluster, combined broker and controller nodes), one of
 * which a test takes away as {@code kill -9} would. Started and closed by the test rather than by
 * {@code @EmbeddedKafka}: the killed broker leaves a recorded fault that would fail the cluster's close.
 */
public final class KraftBrokers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KraftBrokers.class);

    private final EmbeddedKafkaKraftBroker embedded;
    private final KafkaClusterTestKit cluster;
    private final Set<Integer> killed = new HashSet<>();

    private KraftBrokers(EmbeddedKafkaKraftBroker embedded) {
        this.embedded = embedded;
        this.cluster = embedded.getCluster();
    }

    public static KraftBrokers start(Map<String, String> brokerProperties) {
        EmbeddedKafkaKraftBroker embedded = new EmbeddedKafkaKraftBroker(3, 1);
        embedded.brokerProperties(brokerProperties);
        // It also sets spring.embedded.kafka.brokers, which the other tests' cached contexts resolve: they would find
        // this cluster, closed, instead of their own broker.
        String others = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        embedded.afterPropertiesSet();
        if (others == null) {
            System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        } else {
            System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, others);
        }
        return new KraftBrokers(embedded);
    }

    public String bootstrapServers() {
        return embedded.getBrokersAsString();
    }

    /**
     * A broker that leads a partition of the topic and is not the active controller. Spring's test cluster runs
     * combined nodes (broker and controller in one); only the broker part is killed, so the quorum stays as it is and
     * what is measured is the failover of the topic's partitions.
     */
    public int leaderToKill(Admin admin, String topic) throws Exception {
        int controller = admin.describeCluster().controller().get().id();
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return description.partitions().stream().map(p -> p.leader().id()).filter(id -> id != controller)
                .findFirst().orElseThrow(() -> new IllegalStateException("The controller leads every partition"));
    }

    /** The partitions of the topic this broker leads now. */
    public static List<Integer> ledBy(Admin admin, String topic, int broker) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .filter(p -> p.leader() != null && p.leader().id() == broker).map(TopicPartitionInfo::partition)
                .toList();
    }

    /**
     * What the cluster sees when a broker's process dies: its connections drop at once (clients, followers), it
     * sends no more heartbeats, so the controller fences it only after {@code broker.session.timeout.ms}, and it
     * fetches no more, so it leaves the ISRs. Unlike {@code BrokerServer.shutdown()}, no controlled shutdown moves
     * its leaderships away first: that is the difference between a stop and a crash that failover is about.
     */
    public void kill(int id) {
        killed.add(id);
        BrokerServer broker = cluster.brokers().get(id);
        broker.lifecycleManager().close();
        broker.socketServer().shutdown();
        broker.replicaManager().shutdown(false);
    }

    /**
     * Stops the cluster; a killed broker's remains without waiting for a controlled shutdown that cannot come. The
     * cluster then reports the faults the killed broker met (its metrics were gone under its request handlers).
     */
    @Override
    public void close() {
        for (int id : killed) {
            try {
                cluster.brokers().get(id).shutdown(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                log.info("Remains of killed broker {}: {}", id, e.toString());
            }
        }
        try {
            embedded.destroy();
        } catch (RuntimeException e) {
            if (killed.isEmpty()) {
                throw e;
            }
            log.info("Cluster closed; the killed broker's faults: {}", e.toString());
        }
    }
}
