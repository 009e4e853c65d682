package dev.cordon.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every {@code cordon.*} setting of the command side; defaults and environment fallbacks are in application.yml. */
@ConfigurationProperties(prefix = "cordon")
public record CordonProperties(Actions actions, Kafka kafka, Api api) {

    /** @param timeout how long an action may stay Pending or InProgress before it becomes TimeOut */
    public record Actions(@DefaultValue("P3D") Duration timeout) {
    }

    /**
     * @param topic       the one topic every stored event is published to
     * @param source      the CloudEvents {@code source} of published events
     * @param sendTimeout how long a publishing batch waits for the broker before it is retried
     * @param partitions  partitions of the topic when Cordon creates it (the key, the device id, keeps order)
     * @param replicationFactor replication of the topic when Cordon creates it
     */
    public record Kafka(@DefaultValue("cordon.device-events") String topic,
                        @DefaultValue("urn:cordon:command-side") String source,
                        @DefaultValue("30s") Duration sendTimeout,
                        @DefaultValue("3") int partitions,
                        @DefaultValue("1") short replicationFactor) {
    }

    /** @param unauthenticatedRequestor recorded as requestor when the caller is not authenticated */
    public record Api(@DefaultValue("Unauthenticated API caller") String unauthenticatedRequestor) {
    }
}
