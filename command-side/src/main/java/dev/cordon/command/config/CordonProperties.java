package dev.cordon.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Every {@code cordon.*} setting of the command side. The defaults, each with its environment-variable
 * fallback, are in application.yml: one place, which the operations docs quote.
 */
@ConfigurationProperties(prefix = "cordon")
public record CordonProperties(Actions actions, Commands commands, Isolation isolation, Kafka kafka,
                               Idempotency idempotency) {

    /** @param timeout how long an action may stay Pending or InProgress before it becomes TimeOut */
    public record Actions(Duration timeout) {
    }

    /**
     * @param retryInterval wait before a command that lost a race for its device is tried again
     * @param maxRetries    how often it is tried again before the race is answered as a 500
     */
    public record Commands(Duration retryInterval, int maxRetries) {
    }

    /** @param eligibility the table of which OS supports which isolation type (a JSON resource) */
    public record Isolation(Resource eligibility) {
    }

    /**
     * @param topic             the one topic every stored event is published to
     * @param source            the CloudEvents {@code source} of published events
     * @param sendTimeout       how long a publishing batch waits for the broker before it is retried (the
     *                          producer's delivery timeout); shorter than the publisher's token claim timeout
     * @param requestTimeout    how long the producer waits for one answer of a broker before it sends again (to
     *                          the partition's new leader, when one broker died without closing its connections)
     * @param maxBlock          how long a send waits for the topic's metadata (the brokers away at start)
     * @param partitions        partitions of the topic when Cordon creates it (the key, the device id, keeps order)
     * @param replicationFactor replication of the topic when Cordon creates it; unset: the broker's default
     * @param retention         how long the topic keeps records when Cordon creates it: {@code unbounded} (the
     *                          default: the topic holds the whole history, for audit and read-model rebuilds) or a
     *                          duration such as {@code 30d}, the event store then being the only full history
     * @param minInsyncReplicas the topic's {@code min.insync.replicas} when Cordon creates it; unset: the broker's
     *                          default. With {@code acks=all}, a write is acknowledged only once this many
     *                          replicas have it, so an acknowledged event survives the loss of a broker.
     * @param closeTimeout      how long a stopping command side still waits for the broker to acknowledge what it
     *                          sent; what is not acknowledged by then is published again on the next start
     */
    public record Kafka(String topic, String source, Duration sendTimeout, Duration requestTimeout, Duration maxBlock,
                        int partitions, Short replicationFactor, String retention, Integer minInsyncReplicas,
                        Duration closeTimeout) {
    }

    /**
     * @param retention     how long an Idempotency-Key answers a retry with its first request's action; after
     *                      that, the same key acts again
     * @param purgeInterval how often expired keys are deleted (lookups ignore them meanwhile)
     */
    public record Idempotency(Duration retention, Duration purgeInterval) {
    }
}
