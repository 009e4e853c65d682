package dev.cordon.standalone.services;

import dev.cordon.events.device.OsPlatform;
import dev.cordon.standalone.database.JdbcTarget;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each service is told, on top of the launcher's own environment (which passes the user's other CORDON_*
 * settings through): where its database and the broker are, and its port. The launcher's own server settings
 * are removed, or a service would try to take the launcher's port.
 */
public final class ServiceEnvironment {

    /** cordon.device-groups.groups[n] as environment variables (Spring's relaxed binding). */
    private static final String DEVICE_GROUPS = "CORDON_DEVICEGROUPS_GROUPS_";

    private ServiceEnvironment() {
    }

    /**
     * What both services trust: tokens from the built-in token service, whose keys they fetch from its own port, the
     * base URL the user reaches them at, and the topic's records signed with the launcher's record signing key.
     *
     * @param issuer        every token's {@code iss}
     * @param jwkSetUri     the token service's keys
     * @param publicBaseUrl the launcher's base URL
     * @param signingKeys   the key the command side signs the topic's records with, and the query side checks them by
     */
    public record Trust(String issuer, String jwkSetUri, String publicBaseUrl, String signingKeys) {
    }

    /**
     * The broker as both services reach it: the one topic and consumer group the launcher granted them, and each
     * side's login (Spring Kafka's settings; none for a broker the user gave, whose settings pass through).
     */
    public record Broker(String bootstrapServers, String topic, String consumerGroup,
                         Map<String, String> commandSideLogin, Map<String, String> querySideLogin) {

        public static Broker external(String bootstrapServers, String topic, String consumerGroup) {
            return new Broker(bootstrapServers, topic, consumerGroup, Map.of(), Map.of());
        }

        /** Never the logins, which hold the passwords. */
        @Override
        public String toString() {
            return "Broker[" + bootstrapServers + ", " + topic + ", " + consumerGroup + "]";
        }
    }

    /**
     * How the dashboard (on the query side) signs people in: the token service's client, the browser's URLs at the
     * public base URL, the token endpoint at the token service's own port (the back channel), and the command side's
     * own address for the writes it relays with the person's token.
     */
    public record Dashboard(String clientId, String clientSecret, String authorizationUri, String tokenUri,
                            String endSessionUri, String commandSideUrl) {

        /** Never the secret. */
        @Override
        public String toString() {
            return "Dashboard[" + clientId + ", " + authorizationUri + ", " + tokenUri + "]";
        }
    }

    public static Map<String, String> tokenService(int port, Path identityDirectory, String publicBaseUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("CORDON_TOKEN_SERVICE_PORT", Integer.toString(port));
        env.put("CORDON_IDENTITY_DIRECTORY", identityDirectory.toString());
        env.put("CORDON_PUBLIC_BASE_URL", publicBaseUrl);
        env.put("SERVER_PORT", null);
        env.put("SERVER_ADDRESS", null);
        return env;
    }

    /** @param querySideUrl where the command side resolves a bulk action's Filter (the query side's device list) */
    public static Map<String, String> commandSide(int port, JdbcTarget eventStore, Broker kafka,
            boolean seedDemoDevices, boolean agentSimulation, Trust trust, String querySideUrl) {
        Map<String, String> env = common(kafka, trust);
        env.put("CORDON_QUERY_SIDE_URL", querySideUrl);
        env.putAll(kafka.commandSideLogin());
        env.put("CORDON_COMMAND_PORT", Integer.toString(port));
        database(env, "CORDON_EVENTSTORE_DB", eventStore);
        env.put("CORDON_DEMO_SEED_DEVICES", Boolean.toString(seedDemoDevices));
        env.put("CORDON_AGENT_SIMULATION_ENABLED", Boolean.toString(agentSimulation));
        if (System.getenv().keySet().stream().noneMatch(name -> name.startsWith(DEVICE_GROUPS))) {
            env.putAll(demoDeviceGroups());
        }
        return env;
    }

    /**
     * The trial's device groups, unless the user configured their own: servers and workstations by OS platform, so
     * the demo devices land in both by rule and a Responder of one group sees the other's devices vanish.
     */
    static Map<String, String> demoDeviceGroups() {
        Map<String, String> env = new HashMap<>();
        env.put(DEVICE_GROUPS + "0_ID", "1");
        env.put(DEVICE_GROUPS + "0_NAME", "Servers");
        env.put(DEVICE_GROUPS + "0_OSPLATFORMS", platforms(OsPlatform.WindowsServer2012R2, OsPlatform.WindowsServer2016,
                OsPlatform.WindowsServer2019, OsPlatform.WindowsServer2022, OsPlatform.Linux));
        env.put(DEVICE_GROUPS + "1_ID", "2");
        env.put(DEVICE_GROUPS + "1_NAME", "Workstations");
        env.put(DEVICE_GROUPS + "1_OSPLATFORMS", platforms(OsPlatform.Windows10, OsPlatform.Windows11,
                OsPlatform.macOS));
        return env;
    }

    private static String platforms(OsPlatform... platforms) {
        return Arrays.stream(platforms).map(OsPlatform::name).collect(Collectors.joining(","));
    }

    public static Map<String, String> querySide(int port, JdbcTarget readModels, JdbcTarget eventStore, Broker kafka,
            Trust trust, Dashboard dashboard) {
        Map<String, String> env = common(kafka, trust);
        env.put("CORDON_DASHBOARD_CLIENT_ID", dashboard.clientId());
        env.put("CORDON_DASHBOARD_CLIENT_SECRET", dashboard.clientSecret());
        env.put("CORDON_DASHBOARD_AUTHORIZATION_URI", dashboard.authorizationUri());
        env.put("CORDON_DASHBOARD_TOKEN_URI", dashboard.tokenUri());
        env.put("CORDON_DASHBOARD_END_SESSION_URI", dashboard.endSessionUri());
        env.put("CORDON_DASHBOARD_COMMAND_SIDE_URL", dashboard.commandSideUrl());
        env.putAll(kafka.querySideLogin());
        env.put("CORDON_QUERY_CONSUMER_GROUP", kafka.consumerGroup());
        env.put("CORDON_QUERY_PORT", Integer.toString(port));
        database(env, "CORDON_QUERY_DB", readModels);
        database(env, "CORDON_EVENTSTORE_DB", eventStore);
        return env;
    }

    private static Map<String, String> common(Broker kafka, Trust trust) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("CORDON_KAFKA_TOPIC", kafka.topic());
        env.put("CORDON_SECURITY_ISSUER_URI", trust.issuer());
        env.put("CORDON_SECURITY_JWK_SET_URI", trust.jwkSetUri());
        env.put("CORDON_PUBLIC_BASE_URL", trust.publicBaseUrl());
        env.put("CORDON_KAFKA_SIGNING_KEYS", trust.signingKeys());
        env.put("SERVER_PORT", null);
        env.put("SERVER_ADDRESS", null);
        env.put("CORDON_PORT", null);
        // Reached through the gateway only: the services never listen beyond this machine, whatever the gateway does.
        env.put("CORDON_BIND_ADDRESS", "127.0.0.1");
        return env;
    }

    private static void database(Map<String, String> env, String prefix, JdbcTarget target) {
        env.put(prefix + "_URL", target.url());
        env.put(prefix + "_USER", target.user());
        env.put(prefix + "_PASSWORD", target.password() == null ? "" : target.password());
    }
}
