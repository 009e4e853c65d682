package dev.cordon.standalone.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every {@code cordon.cluster.*} setting of the cluster mode ({@code ./cordon.sh cluster}); the defaults and their
 * environment variables are in application.yml. The database's server, the data directory, the restarts' backoff, the logs' rotation, the topic's name, the
 * consumer group and the JVM options are the standalone mode's settings.
 *
 * @param commandSides   command-side instances behind the gateway
 * @param querySides     query-side instances behind the gateway, in one consumer group
 * @param databaseUrl    the PostgreSQL server when {@code CORDON_DATABASE_URL} is unset: the machine's own
 * @param eventStoreName the cluster's event store, apart from the standalone mode's
 * @param queryName      the cluster's read models, shared by every query-side instance
 * @param startupTimeout how long the brokers and the services may take to become ready
 */
@ConfigurationProperties(prefix = "cordon.cluster")
public record ClusterProperties(int commandSides, int querySides, String databaseUrl, String eventStoreName,
                                String queryName, Duration startupTimeout) {

    public ClusterProperties {
        if (commandSides < 1 || querySides < 1) {
            throw new IllegalArgumentException("The cluster needs at least one command side and one query side, not "
                    + commandSides + " and " + querySides);
        }
    }
}
