package dev.cordon.standalone.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    /** The log is appended to across starts: the previous start's ready line must not pass for this one's. */
    @Test
    void logContains_onlyLooksAtWhatThisStartWrote() throws Exception {
        Path log = Files.writeString(dir.resolve("kafka.log"), "[t] INFO [KafkaRaftServer nodeId=1] Kafka Server started\n");
        long offset = Files.size(log);

        assertThat(KafkaBroker.logContains(log, 0, KafkaBroker.READY)).isTrue();
        assertThat(KafkaBroker.logContains(log, offset, KafkaBroker.READY)).isFalse();
        Files.writeString(log, "[t] INFO Kafka Server started\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(KafkaBroker.logContains(log, offset, KafkaBroker.READY)).isTrue();
        assertThat(KafkaBroker.logContains(dir.resolve("missing.log"), 0, KafkaBroker.READY)).isFalse();
    }

    /** A log shorter than where this start began was rolled over meanwhile: all of it is this start's. */
    @Test
    void logContains_afterARollover_looksAtTheWholeNewFile() throws Exception {
        Path log = Files.writeString(dir.resolve("kafka.log"), "[t] INFO Kafka Server started\n");

        assertThat(KafkaBroker.logContains(log, 10 * 1024 * 1024, KafkaBroker.READY)).isTrue();
    }

    @RepeatedTest(20)
    void clusterId_isKafkasFormat_sixteenBytesUrlSafe_neverAnOption() {
        String id = KafkaBroker.clusterId();

        assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    }

    private static final BrokerCredentials CREDENTIALS = new BrokerCredentials("a".repeat(43), "c".repeat(43),
            "q".repeat(43));

    @Test
    void serverProperties_singleNodeOnLoopback_topicsOnlyAsCordonCreatesThem() {
        String properties = new BrokerConfig(19092, 19094, 19093, dir.resolve("data"), CREDENTIALS).serverProperties();

        assertThat(properties.lines()).contains(
                "process.roles=broker,controller",
                "controller.quorum.voters=1@127.0.0.1:19093",
                "listeners=CLIENT://127.0.0.1:19092,INTERNAL://127.0.0.1:19094,CONTROLLER://127.0.0.1:19093",
                "advertised.listeners=CLIENT://127.0.0.1:19092,INTERNAL://127.0.0.1:19094",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "auto.create.topics.enable=false",
                "log.retention.hours=-1");
        BrokerConfig config = new BrokerConfig(19092, 19094, 19093, dir, CREDENTIALS);
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.internalBootstrapServers()).isEqualTo("127.0.0.1:19094");
        assertThat(config.toString()).doesNotContain(CREDENTIALS.adminPassword());
    }

    /** No listener without SASL, SCRAM for the services, and nothing allowed that an ACL does not allow. */
    @Test
    void serverProperties_everyListenerAuthenticates_andTheAuthorizerDeniesByDefault() {
        String properties = new BrokerConfig(19092, 19094, 19093, dir, CREDENTIALS).serverProperties();

        assertThat(properties.lines()).contains(
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:cordon-broker",
                "allow.everyone.if.no.acl.found=false");
        assertThat(properties).doesNotContain("PLAINTEXT://");
    }

    @Test
    void credentials_madeOnceOwnerOnly_thenKept() throws Exception {
        BrokerCredentials made = BrokerCredentials.of(dir);
        Path file = dir.resolve(BrokerCredentials.FILE);

        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Set.of(made.adminPassword(), made.commandSidePassword(), made.querySidePassword())).hasSize(3)
                .allMatch(password -> password.matches("[A-Za-z0-9_-]{43}"));
        assertThat(BrokerCredentials.of(dir)).isEqualTo(made);
        assertThat(made.toString()).doesNotContain(made.adminPassword(), made.commandSidePassword());
        assertThat(made.clientEnvironment(BrokerCredentials.QUERY_SIDE))
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"cordon-query-side\""
                                + " password=\"" + made.querySidePassword() + "\";");
    }

    @Test
    void credentials_aDamagedFile_isRefusedWithoutEchoingIt() throws Exception {
        java.nio.file.Files.writeString(dir.resolve(BrokerCredentials.FILE), "cordon-broker=short-secret\n");

        assertThatThrownBy(() -> BrokerCredentials.of(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cordon-broker").hasMessageNotContaining("short-secret");
    }

    /** The command side writes (and creates) the topic; the query side reads it in its group; no one else anything. */
    @Test
    void acls_commandSideWrites_querySideReadsInItsGroup_nothingElse() {
        assertThat(BrokerAccess.acls("events", "readers")).extracting(acl -> acl.entry().principal() + " "
                + acl.entry().operation() + " " + acl.pattern().resourceType() + ":" + acl.pattern().name())
                .containsExactlyInAnyOrder(
                        "User:cordon-command-side WRITE TOPIC:events",
                        "User:cordon-command-side CREATE TOPIC:events",
                        "User:cordon-command-side DESCRIBE TOPIC:events",
                        "User:cordon-command-side DESCRIBE_CONFIGS TOPIC:events",
                        "User:cordon-query-side READ TOPIC:events",
                        "User:cordon-query-side DESCRIBE TOPIC:events",
                        "User:cordon-query-side READ GROUP:readers",
                        "User:cordon-query-side DESCRIBE GROUP:readers");
    }
}
