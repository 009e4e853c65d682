package dev.cordon.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code cordon.*} that the code reads through this record. The defaults here are the documented
 * ones; application.yml maps the environment variables onto them. The topic and consumer group are placeholders
 * of the Kafka listener and set in application.yml only.
 */
@ConfigurationProperties("cordon")
public record CordonProperties(@DefaultValue Query query) {

    public record Query(@DefaultValue EventStore eventStore) {
    }

    /**
     * The command side's event store, read only, for read-your-writes on a single action.
     * Disabled means such a lookup answers 404 until the projection catches up; unreachable means 503.
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
