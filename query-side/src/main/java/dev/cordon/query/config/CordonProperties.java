package dev.cordon.query.config;

import dev.cordon.events.kafka.KafkaContract;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code cordon.*}. The defaults here are the documented ones; application.yml maps the
 * environment variables onto them.
 */
@ConfigurationProperties("cordon")
public record CordonProperties(@DefaultValue Kafka kafka, @DefaultValue Query query) {

    /** @param topic the device event topic, shared with the command side */
    public record Kafka(@DefaultValue(KafkaContract.DEFAULT_TOPIC) String topic) {
    }

    /** @param consumerGroup the Kafka consumer group of the projection */
    public record Query(@DefaultValue("cordon-query") String consumerGroup, @DefaultValue EventStore eventStore) {
    }

    /**
     * The command side's event store, read only, for read-your-writes on a single action.
     * Disabled or unreachable means such a lookup answers 404 until the projection catches up.
     */
    public record EventStore(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("jdbc:postgresql://127.0.0.1:5432/cordon_events") String url,
            @DefaultValue("postgres") String username,
            @DefaultValue("") String password) {

        @Override
        public String toString() {
            return "EventStore[enabled=" + enabled + ", url=" + url + ", username=" + username + "]";
        }
    }
}
