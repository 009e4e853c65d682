package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An action the command side stored but the projection has not seen (never produced here) is still readable,
 * from the command side's {@code action_index} (made by its own migrations, see IntegrationTestSupport).
 */
class ReadYourWritesIT extends IntegrationTestSupport {

    private final JdbcTemplate eventStore = new JdbcTemplate(new DriverManagerDataSource(
            TestDatabases.url(EVENT_STORE_DB), TestDatabases.USER, ""));

    /** A cancelled Selective isolation, so that every column has a value to come back. */
    private void storeCancelledIsolation(String actionId, String deviceId) {
        eventStore.update("""
                insert into action_index (action_id, device_id, action_type, scope, status, computer_dns_name,
                    requestor, requestor_comment, request_source, external_id, created_at, last_update,
                    cancellation_requestor, cancellation_comment, cancelled_at, error_hresult)
                values (?, ?, 'Isolate', 'Selective', 'Cancelled', 'laptop-042', 'analyst@corp.example',
                    'Ransomware alert 4711', 'PublicApi', 'ext-7', ?, ?, 'lead@corp.example', 'False positive', ?, 0)
                """, actionId, deviceId, Timestamp.from(at(10)), Timestamp.from(at(20)), Timestamp.from(at(20)));
    }

    /** A bulk's action read before its projection names its bulk too (action_index keeps it). */
    @Test
    void get_whenABulksActionIsOnlyInEventStore_itsBulkIdIsAnsweredToo() {
        String action = UUID.randomUUID().toString();
        storeCancelledIsolation(action, newId("dev"));
        eventStore.update("update action_index set bulk_id = ? where action_id = ?", "bulk-42", action);

        JsonNode body = get("/api/machineactions/" + action).getBody();
        assertThat(body.get("id").asText()).isEqualTo(action);
        assertThat(body.get("bulkActionId").asText()).isEqualTo("bulk-42");
    }

    @Test
    void get_whenActionOnlyInEventStore_isAnsweredFromTheActionIndex() {
        String device = newId("dev");
        String action = UUID.randomUUID().toString();
        storeCancelledIsolation(action, device);

        ResponseEntity<JsonNode> response = get("/api/machineactions/" + action);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("@odata.context").asText()).endsWith("/api/$metadata#MachineActions/$entity");
        assertThat(body.get("id").asText()).isEqualTo(action);
        assertThat(body.get("type").asText()).isEqualTo("Isolate");
        assertThat(body.get("scope").asText()).isEqualTo("Selective");
        assertThat(body.get("title").isNull()).isTrue();
        assertThat(body.get("requestor").asText()).isEqualTo("analyst@corp.example");
        assertThat(body.get("requestorComment").asText()).isEqualTo("Ransomware alert 4711");
        assertThat(body.get("requestSource").asText()).isEqualTo("PublicApi");
        assertThat(body.get("externalId").asText()).isEqualTo("ext-7");
        assertThat(body.get("status").asText()).isEqualTo("Cancelled");
        assertThat(body.get("machineId").asText()).isEqualTo(device);
        assertThat(body.get("computerDnsName").asText()).isEqualTo("laptop-042");
        assertThat(body.get("creationDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:10Z");
        assertThat(body.get("lastUpdateDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:20Z");
        assertThat(body.get("lastUpdateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:20Z");
        assertThat(body.get("cancellationRequestor").asText()).isEqualTo("lead@corp.example");
        assertThat(body.get("cancellationComment").asText()).isEqualTo("False positive");
        assertThat(body.get("cancellationDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:20Z");
        assertThat(body.get("errorHResult").asInt()).isZero();
        assertThat(body.get("bulkActionId").isNull()).isTrue();
        // The read model itself is untouched: the fallback only reads.
        assertThat(jdbc.queryForObject("select count(*) from machine_action where id = ?", Integer.class, action))
                .isZero();
    }

    @Test
    void get_whenGuidInOtherCase_isFoundInTheEventStore() {
        String action = UUID.randomUUID().toString();
        storeCancelledIsolation(action, newId("dev"));

        ResponseEntity<JsonNode> response = get("/api/machineactions/" + action.toUpperCase());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("id").asText()).isEqualTo(action);
    }

    @Test
    void get_whenActionNowhere_is404() {
        ResponseEntity<JsonNode> response = get("/api/machineactions/" + UUID.randomUUID());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ResourceNotFound");
    }

    /** A hung event store (here: a lock nobody releases) must neither hold the request nor answer a final 404. */
    @Test
    void get_whenEventStoreHangs_is503WithRetryAfterWithinSeconds() throws Exception {
        try (Connection locker = DriverManager.getConnection(TestDatabases.url(EVENT_STORE_DB), TestDatabases.USER, "");
             Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("lock table action_index in access exclusive mode");
            try {
                ResponseEntity<JsonNode> response = assertTimeoutPreemptively(Duration.ofSeconds(15),
                        () -> get("/api/machineactions/" + UUID.randomUUID()));

                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ServiceUnavailable");
                assertThat(response.getBody().at("/error/target").asText())
                        .isEqualTo(response.getHeaders().getFirst("X-Request-ID"));
            } finally {
                locker.rollback();
            }
        }
    }
}
