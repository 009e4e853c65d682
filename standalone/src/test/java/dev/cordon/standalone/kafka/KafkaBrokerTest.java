package dev.cordon.standalone.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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

    @RepeatedTest(20)
    void clusterId_isKafkasFormat_sixteenBytesUrlSafe_neverAnOption() {
        String id = KafkaBroker.clusterId();

        assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    }

    @Test
    void serverProperties_singleNodeOnLoopback_topicsOnlyAsCordonCreatesThem() {
        String properties = new BrokerConfig(19092, 19093, dir.resolve("data")).serverProperties();

        assertThat(properties.lines()).contains(
                "process.roles=broker,controller",
                "controller.quorum.voters=1@127.0.0.1:19093",
                "listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                "advertised.listeners=PLAINTEXT://127.0.0.1:19092",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "auto.create.topics.enable=false",
                "log.retention.hours=-1");
        assertThat(new BrokerConfig(19092, 19093, dir).bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }
}
