package dev.cordon.standalone.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.standalone.database.JdbcTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private final JdbcTarget events = new JdbcTarget("jdbc:h2:tcp://127.0.0.1:1/cordon_events", "sa", "pw");
    private final JdbcTarget readModels = new JdbcTarget("jdbc:h2:tcp://127.0.0.1:1/cordon_query", "sa", "pw");
    private static final ServiceEnvironment.Trust TRUST = new ServiceEnvironment.Trust(
            "http://127.0.0.1:8080/t-1/v2.0", "http://127.0.0.1:4713/t-1/discovery/v2.0/keys", "http://127.0.0.1:8080",
            "k1:c2lnbmluZy1rZXk=");
    private static final ServiceEnvironment.Broker KAFKA = new ServiceEnvironment.Broker("127.0.0.1:9999", "events",
            "readers", Map.of("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "as the command side"),
            Map.of("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "as the query side"));

    private static final String QUERY_SIDE = "http://127.0.0.1:4712";

    private static final ServiceEnvironment.Dashboard DASHBOARD = new ServiceEnvironment.Dashboard("cordon-dashboard",
            "dashboard-secret", "http://127.0.0.1:8080/t-1/oauth2/v2.0/authorize",
            "http://127.0.0.1:4713/t-1/oauth2/v2.0/token", "http://127.0.0.1:8080/t-1/oauth2/v2.0/logout",
            "http://127.0.0.1:4711");

    /** The names the query side's sign-in reads; the browser's URLs are public, the token endpoint the back channel. */
    @Test
    void querySide_getsTheDashboardsClient_andWhereToSignPeopleIn() {
        Map<String, String> env = ServiceEnvironment.querySide(4712, readModels, events, KAFKA, TRUST, DASHBOARD);

        assertThat(env).containsEntry("CORDON_DASHBOARD_CLIENT_ID", "cordon-dashboard")
                .containsEntry("CORDON_DASHBOARD_CLIENT_SECRET", "dashboard-secret")
                .containsEntry("CORDON_DASHBOARD_AUTHORIZATION_URI", "http://127.0.0.1:8080/t-1/oauth2/v2.0/authorize")
                .containsEntry("CORDON_DASHBOARD_TOKEN_URI", "http://127.0.0.1:4713/t-1/oauth2/v2.0/token")
                .containsEntry("CORDON_DASHBOARD_END_SESSION_URI", "http://127.0.0.1:8080/t-1/oauth2/v2.0/logout")
                .containsEntry("CORDON_DASHBOARD_COMMAND_SIDE_URL", "http://127.0.0.1:4711");
        assertThat(ServiceEnvironment.commandSide(1, events, KAFKA, true, true, TRUST, QUERY_SIDE))
                .doesNotContainKey("CORDON_DASHBOARD_CLIENT_SECRET");
        assertThat(DASHBOARD.toString()).doesNotContain("dashboard-secret");
    }

    @Test
    void bothSides_trustTheTokenService_andKnowTheBaseUrl() {
        for (Map<String, String> env : java.util.List.of(ServiceEnvironment.commandSide(1, events, KAFKA, true, true,
                TRUST, QUERY_SIDE), ServiceEnvironment.querySide(1, readModels, events, KAFKA, TRUST, DASHBOARD))) {
            assertThat(env).containsEntry("CORDON_SECURITY_ISSUER_URI", "http://127.0.0.1:8080/t-1/v2.0")
                    .containsEntry("CORDON_SECURITY_JWK_SET_URI", "http://127.0.0.1:4713/t-1/discovery/v2.0/keys")
                    .containsEntry("CORDON_PUBLIC_BASE_URL", "http://127.0.0.1:8080")
                    .containsEntry("CORDON_KAFKA_SIGNING_KEYS", "k1:c2lnbmluZy1rZXk=");
        }
    }

    /** The services listened on every interface; behind the gateway they need only this machine's. */
    @Test
    void bothSides_listenOnLoopbackOnly_whateverTheGatewayBindsTo() {
        for (Map<String, String> env : java.util.List.of(ServiceEnvironment.commandSide(1, events, KAFKA, true, true,
                TRUST, QUERY_SIDE), ServiceEnvironment.querySide(1, readModels, events, KAFKA, TRUST, DASHBOARD))) {
            assertThat(env).containsEntry("CORDON_BIND_ADDRESS", "127.0.0.1").containsEntry("SERVER_ADDRESS", null);
        }
    }

    @Test
    void commandSide_getsItsPortDatabaseBrokerAndTheDemoSwitches() {
        Map<String, String> env = ServiceEnvironment.commandSide(4711, events, KAFKA, true, true, TRUST, QUERY_SIDE);

        assertThat(env).containsEntry("CORDON_COMMAND_PORT", "4711")
                .containsEntry("CORDON_EVENTSTORE_DB_URL", events.url())
                .containsEntry("CORDON_EVENTSTORE_DB_USER", "sa")
                .containsEntry("CORDON_EVENTSTORE_DB_PASSWORD", "pw")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9999")
                .containsEntry("CORDON_DEMO_SEED_DEVICES", "true")
                .containsEntry("CORDON_AGENT_SIMULATION_ENABLED", "true")
                .containsEntry("CORDON_QUERY_SIDE_URL", QUERY_SIDE);
    }

    /** Each side logs in to the broker as itself, and both use the topic (and group) their grants name. */
    @Test
    void eachSide_logsInAsItself_toTheTopicAndGroupItWasGranted() {
        assertThat(ServiceEnvironment.commandSide(1, events, KAFKA, true, true, TRUST, QUERY_SIDE))
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "as the command side")
                .containsEntry("CORDON_KAFKA_TOPIC", "events");
        assertThat(ServiceEnvironment.querySide(1, readModels, events, KAFKA, TRUST, DASHBOARD))
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "as the query side")
                .containsEntry("CORDON_KAFKA_TOPIC", "events")
                .containsEntry("CORDON_QUERY_CONSUMER_GROUP", "readers");
        assertThat(KAFKA.toString()).doesNotContain("as the");
    }

    @Test
    void commandSide_demoSwitchesOff_areTurnedOffInTheService() {
        Map<String, String> env = ServiceEnvironment.commandSide(4711, events, KAFKA, false, false, TRUST, QUERY_SIDE);

        assertThat(env).containsEntry("CORDON_DEMO_SEED_DEVICES", "false")
                .containsEntry("CORDON_AGENT_SIMULATION_ENABLED", "false");
    }

    /** The demo devices land in these by rule (the command side's DemoSeedIT and DemoDevicesTest). */
    @Test
    void commandSide_getsTheTrialsDeviceGroups_serversAndWorkstations() {
        Map<String, String> env = ServiceEnvironment.commandSide(4711, events, KAFKA, true, true, TRUST, QUERY_SIDE);

        assertThat(env).containsEntry("CORDON_DEVICEGROUPS_GROUPS_0_ID", "1")
                .containsEntry("CORDON_DEVICEGROUPS_GROUPS_0_NAME", "Servers")
                .containsEntry("CORDON_DEVICEGROUPS_GROUPS_0_OSPLATFORMS",
                        "WindowsServer2012R2,WindowsServer2016,WindowsServer2019,WindowsServer2022,Linux")
                .containsEntry("CORDON_DEVICEGROUPS_GROUPS_1_ID", "2")
                .containsEntry("CORDON_DEVICEGROUPS_GROUPS_1_NAME", "Workstations")
                .containsEntry("CORDON_DEVICEGROUPS_GROUPS_1_OSPLATFORMS", "Windows10,Windows11,macOS");
    }

    @Test
    void querySide_getsItsReadModelsAndTheEventStore_forReadYourWrites() {
        Map<String, String> env = ServiceEnvironment.querySide(4712, readModels, events, KAFKA, TRUST, DASHBOARD);

        assertThat(env).containsEntry("CORDON_QUERY_PORT", "4712")
                .containsEntry("CORDON_QUERY_DB_URL", readModels.url())
                .containsEntry("CORDON_EVENTSTORE_DB_URL", events.url())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9999")
                .doesNotContainKey("CORDON_DEMO_SEED_DEVICES");
    }

    /**
     * Settings the launcher does not set itself reach the services from its own environment (ChildProcess adds
     * this map to it), so this map must not mention them.
     */
    @Test
    void theUsersOtherSettings_areLeftToPassThrough() {
        assertThat(ServiceEnvironment.commandSide(1, events, KAFKA, true, true, TRUST, QUERY_SIDE))
                .doesNotContainKeys("CORDON_AGENT_SIMULATION_OFFLINE_DEVICES", "CORDON_ISOLATION_ELIGIBILITY");
        assertThat(ServiceEnvironment.querySide(1, readModels, events, KAFKA, TRUST, DASHBOARD))
                .doesNotContainKeys("CORDON_ISOLATION_ELIGIBILITY");
    }

    /**
     * A null removes the variable: SERVER_PORT would beat CORDON_COMMAND_PORT and take the launcher's port; the
     * launcher's CORDON_BIND_ADDRESS is replaced by the services' own (loopback, see above).
     */
    @Test
    void theLaunchersOwnServerSettings_areRemoved() {
        assertThat(ServiceEnvironment.commandSide(1, events, KAFKA, true, true, TRUST, QUERY_SIDE))
                .containsEntry("SERVER_PORT", null).containsEntry("SERVER_ADDRESS", null)
                .containsEntry("CORDON_PORT", null).containsEntry("CORDON_BIND_ADDRESS", "127.0.0.1");
        assertThat(ServiceEnvironment.querySide(1, readModels, events, KAFKA, TRUST, DASHBOARD))
                .containsEntry("SERVER_PORT", null).containsEntry("CORDON_PORT", null);
    }
}
