package dev.cordon.query.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariDataSource;
import dev.cordon.service.health.HealthStatuses;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * With a dependency away the query side still serves reads: its components say DEGRADED (or UNKNOWN), not DOWN. The
 * shared kafka component is tested in shared-service.
 */
class UnreachableDependenciesTest {

    private static int closedPort;
    private static Admin admin;

    @BeforeAll
    static void nothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 500));
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void consumerLag_whenOffsetsCannotBeRead_isUnknown_orDegradedIfTheListenerIsNotRunning() {
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);
        Health listening = new ConsumerLagHealthIndicator(admin, "cordon.device-events", "cordon-query", 1000, 500,
                () -> container).health();
        assertThat(listening.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(listening.getDetails().get("error").toString()).startsWith("Offsets not read");

        when(container.isRunning()).thenReturn(false);
        Health stopped = new ConsumerLagHealthIndicator(admin, "cordon.device-events", "cordon-query", 1000, 500,
                () -> container).health();
        assertThat(stopped.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
        assertThat(stopped.getDetails()).containsEntry("listenerRunning", false);
    }

    @Test
    void eventStore_whenUnreachable_isDegraded() {
        try (HikariDataSource eventStore = new HikariDataSource()) {
            eventStore.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/cordon_events");
            eventStore.setUsername("postgres");
            eventStore.setConnectionTimeout(500);
            eventStore.setInitializationFailTimeout(-1);
            Health health = new EventStoreHealthIndicator(eventStore).health();
            assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
            assertThat(health.getDetails()).containsKey("error");
        }
    }
}
