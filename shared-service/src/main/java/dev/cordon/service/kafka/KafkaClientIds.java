package dev.cordon.service.kafka;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Kafka client id of this instance's own. Kafka's default ({@code producer-1}, {@code consumer-<group>-1}) is the
 * same on every replica, so the brokers' logs, metrics and quotas could not tell replicas apart.
 */
public final class KafkaClientIds {

    private KafkaClientIds() {
    }

    /**
     * @param configured the operator's id ({@code CORDON_KAFKA_CLIENT_ID}), used as given when set
     * @return otherwise {@code cordon-<side>-<HOSTNAME>-<8 random hex digits>}: the host name (a container's, in the
     *     compose file each replica's own) to read, the random part for two instances on one host
     */
    public static String orDefault(String configured, String side) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host = System.getenv("HOSTNAME");
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return "cordon-" + side + "-" + (host == null || host.isBlank() ? "" : host.strip() + "-") + random;
    }
}
