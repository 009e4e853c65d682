package dev.cordon.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;

class KafkaHealthIndicatorTest {

    @Test
    void health_whenNoBrokerListens_isDegradedWithinTheTimeout_notDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 500))) {
            KafkaHealthIndicator indicator = new KafkaHealthIndicator(admin, "cordon.device-events", 500);
            long started = System.nanoTime();
            Health health = indicator.health();
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
            assertThat(health.getDetails().get("error").toString()).startsWith("Broker unreachable");
            assertThat(health.getDetails()).containsEntry("topic", "cordon.device-events");
            System.out.printf("Kafka health check against a closed port answered in %d ms (timeout 500 ms)%n",
                    tookMillis);
        }
    }
}
