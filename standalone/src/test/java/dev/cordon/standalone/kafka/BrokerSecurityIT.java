package dev.cordon.standalone.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cordon.standalone.config.StandaloneProperties;
import dev.cordon.standalone.process.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The standalone broker as a local attacker meets it: a real broker started as the launcher starts it, and plain
 * Kafka clients on loopback. Nothing gets in without credentials; each service's user may do its side's work and
 * nothing else; the credentials are the data directory's, owner-only, and survive a restart.
 */
class BrokerSecurityIT {

    private static final String TOPIC = "cordon.device-events";
    private static final String GROUP = "cordon-query";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path data;

    private ChildProcess broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void onlyTheServicesGetIn_eachForItsOwnSide_andTheirCredentialsSurviveARestart() throws Exception {
        KafkaBroker.Running running = start();
        BrokerCredentials credentials = running.credentials();
        String bootstrap = running.bootstrapServers();
        Map<String, Object> commandSide = login(bootstrap, BrokerCredentials.COMMAND_SIDE,
                credentials.commandSidePassword());
        Map<String, Object> querySide = login(bootstrap, BrokerCredentials.QUERY_SIDE, credentials.querySidePassword());

        try (Admin admin = Admin.create(commandSide)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        produce(commandSide, "device-1", "a real event");
        assertThat(consumeInGroup(querySide, GROUP)).containsExactly("a real event");

        // No credentials: the SASL listener never lets the client in, so its record never reaches the topic.
        Map<String, Object> anonymous = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        assertThatThrownBy(() -> produce(anonymous, "device-1", "forged: no credentials"))
                .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        // A guessed password, or the broker's own user on the services' listener.
        assertThat(root(catchThrowable(() -> produce(login(bootstrap, BrokerCredentials.COMMAND_SIDE, "guessed"),
                "device-1", "forged: guessed password")))).isInstanceOf(SaslAuthenticationException.class);
        assertThat(root(catchThrowable(() -> produce(login(bootstrap, BrokerCredentials.ADMIN,
                credentials.adminPassword()), "device-1", "forged: admin over SCRAM"))))
                .isInstanceOf(SaslAuthenticationException.class);
        // The query side's user may read, not write; and only in its own group.
        assertThat(root(catchThrowable(() -> produce(querySide, "device-1", "forged: by the reader"))))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> consumeInGroup(querySide, "another-group"))
                .isInstanceOf(GroupAuthorizationException.class);
        // The command side's user may write, not read, and no other topic.
        assertThatThrownBy(() -> consumeAssigned(commandSide)).isInstanceOf(TopicAuthorizationException.class);
        try (Admin admin = Admin.create(commandSide)) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("elsewhere", 1, (short) 1))).all().get())
                    .hasCauseInstanceOf(AuthorizationException.class);
        }

        assertThat(consumeAssigned(querySide)).containsExactly("a real event");
        Path home = data.resolve("kafka");
        for (Path secret : List.of(home.resolve(BrokerCredentials.FILE), home.resolve("server.properties"))) {
            assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        broker.stop(Duration.ofSeconds(30));
        KafkaBroker.Running restarted = start();

        assertThat(restarted.credentials()).isEqualTo(credentials);
        Map<String, Object> commandSideAgain = login(restarted.bootstrapServers(), BrokerCredentials.COMMAND_SIDE,
                credentials.commandSidePassword());
        produce(commandSideAgain, "device-2", "after the restart");
        assertThat(consumeAssigned(login(restarted.bootstrapServers(), BrokerCredentials.QUERY_SIDE,
                credentials.querySidePassword()))).containsExactlyInAnyOrder("a real event", "after the restart");
    }

    private static Throwable root(Throwable thrown) {
        Throwable root = thrown;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private KafkaBroker.Running start() {
        Path layout = Path.of(System.getProperty("cordon.standalone.jar")).resolveSibling("cordon");
        KafkaBroker.Running running = KafkaBroker.start(layout.resolve("kafka"), layout.resolve("parent-watchdog.jar"),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), data,
                data.resolve("kafka.log"), new StandaloneProperties.Logs(DataSize.ofMegabytes(10),
                        DataSize.ofMegabytes(100)), TIMEOUT, TOPIC, GROUP, process -> broker = process);
        broker = running.process();
        return running;
    }

    private static Map<String, Object> login(String bootstrap, String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, BrokerCredentials.scramLogin(user, password));
        return config;
    }

    /** As a forger would: no idempotence (which needs a grant of its own), so only the topic's Write ACL decides. */
    private static void produce(Map<String, Object> login, String key, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static List<String> consumeInGroup(Map<String, Object> login, String group) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(Set.of(TOPIC));
            return pollAll(consumer, 1);
        }
    }

    /** Without a group, as a rebuild reads: every partition from its start. */
    private static List<String> consumeAssigned(Map<String, Object> login) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(login, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1),
                    new TopicPartition(TOPIC, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            return pollAll(consumer, total);
        }
    }

    private static List<String> pollAll(KafkaConsumer<String, String> consumer, long expected) {
        List<String> values = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
        }
        return values;
    }
}
