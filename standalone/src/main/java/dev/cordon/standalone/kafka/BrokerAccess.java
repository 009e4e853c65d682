package dev.cordon.standalone.kafka;

import dev.cordon.standalone.startup.StartupFailedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each service may do on the broker, granted by the launcher on every start (both calls are idempotent, so an
 * existing storage, from an earlier version without users, is brought to the same state as a new one):
 * the command side writes the topic (and creates it when it is missing); the query side reads it, in its consumer
 * group or without one (a rebuild), and describes its group's offsets for the lag health. Nothing else: no other
 * topic, no group for the command side, no write for the query side, and nothing at all without credentials.
 */
public final class BrokerAccess {

    /** SCRAM's iteration count; Kafka accepts 4096 to 16384. */
    static final int ITERATIONS = 8192;

    private BrokerAccess() {
    }

    static void grant(BrokerConfig config, String topic, String consumerGroup, Duration timeout, Path logFile) {
        grant(config.internalBootstrapServers(), config.credentials(), topic, consumerGroup, timeout, logFile);
    }

    /** @param internalBootstrapServers where the brokers take their own user (SASL/PLAIN), one or several */
    public static void grant(String internalBootstrapServers, BrokerCredentials credentials, String topic,
            String consumerGroup, Duration timeout, Path logFile) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "cordon-launcher",
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, BrokerCredentials.plainLogin(BrokerCredentials.ADMIN,
                        credentials.adminPassword()),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            ScramCredentialInfo scram = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS);
            admin.alterUserScramCredentials(List.of(
                    new UserScramCredentialUpsertion(BrokerCredentials.COMMAND_SIDE, scram,
                            credentials.commandSidePassword()),
                    new UserScramCredentialUpsertion(BrokerCredentials.QUERY_SIDE, scram,
                            credentials.querySidePassword())))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            admin.createAcls(acls(topic, consumerGroup)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new StartupFailedException("Granting the services their access to the Kafka broker failed: "
                    + cause, logFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException("Interrupted while granting access to the Kafka broker", logFile);
        }
    }

    static List<AclBinding> acls(String topic, String consumerGroup) {
        ResourcePattern theTopic = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        ResourcePattern theGroup = new ResourcePattern(ResourceType.GROUP, consumerGroup, PatternType.LITERAL);
        List<AclBinding> acls = new ArrayList<>();
        for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE,
                AclOperation.DESCRIBE_CONFIGS)) {
            acls.add(allow(theTopic, BrokerCredentials.COMMAND_SIDE, operation));
        }
        for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
            acls.add(allow(theTopic, BrokerCredentials.QUERY_SIDE, operation));
            acls.add(allow(theGroup, BrokerCredentials.QUERY_SIDE, operation));
        }
        return acls;
    }

    private static AclBinding allow(ResourcePattern resource, String user, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation,
                AclPermissionType.ALLOW));
    }
}
