package dev.cordon.command.support;

import dev.cordon.command.action.ActionIndexFaults;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the command side's integration tests on the application as it ships: real PostgreSQL, a real in-process
 * KRaft broker, the app on a random port. Every subclass inherits the same configuration, so Spring's test context
 * cache starts the app, the broker and the database once per test run, as the query side's tests do; tests stay
 * apart by using fresh device ids, and count only their own devices' events. A test that needs another
 * configuration (KafkaOutageIT) or restarts the app (CommandSideInstances) starts its own.
 */
// The tests call as one client, far more often than Defender's 100 machine-action calls a minute allow; the limit
// itself is shown with its defaults by TwoReplicasIT, on instances of its own.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "cordon.rate-limits.machine-actions.per-minute=1000000",
        "cordon.rate-limits.machine-actions.per-hour=10000000"})
@EmbeddedKafka(kraft = true, partitions = 3)
@AutoConfigureObservability(tracing = false) // tests turn metrics export off unless asked; OperationsIT reads them
@Import(ActionIndexFaults.Config.class) // inert until a test switches a fault on for its own device
public abstract class IntegrationTestSupport {

    /** The event store of every test on the shared app, dropped when the JVM exits. */
    protected static final TestDatabase DB = TestDatabase.create("cordon_cmd_it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::user);
        DemoDeviceGroups.PROPERTIES.forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    protected int port;
    /**
     * This context's broker, from its own bean: the {@code spring.embedded.kafka.brokers} system property names the
     * broker of whichever context started last (a test with a context of its own may have started since).
     */
    protected String brokers;
    @Autowired
    private EmbeddedKafkaBroker embeddedKafka;

    @BeforeEach
    void brokersOfThisContext() {
        brokers = embeddedKafka.getBrokersAsString();
    }
    @Autowired
    protected JdbcTemplate jdbc;

    protected HttpApi api() {
        return new HttpApi(baseUrl());
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
