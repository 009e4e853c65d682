package dev.cordon.query.it;

import static dev.cordon.query.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.support.IntegrationTestSupport;
import dev.cordon.query.support.TestDatabases;
import dev.cordon.query.support.TestEvents;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An action the command side stored but the projection has not seen (never produced here) is still readable. */
class ReadYourWritesIT extends IntegrationTestSupport {

    private final JdbcTemplate eventStore = new JdbcTemplate(new DriverManagerDataSource(
            TestDatabases.url(EVENT_STORE_DB), TestDatabases.USER, ""));

    private void store(String deviceId, long sequence, DeviceEvent event) throws Exception {
        eventStore.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    payload_type, payload_revision, payload, time_stamp)
                values (?, ?, ?, 'Device', ?, '1', ?, ?)""",
                UUID.randomUUID().toString(), deviceId, sequence, event.getClass().getName(),
                TestEvents.MAPPER.writeValueAsBytes(event), Instant.now().toString());
    }

    @Test
    void get_whenActionOnlyInEventStore_isAnsweredFromIt() throws Exception {
        String device = newId("dev");
        String action = newId("act");
        store(device, 0, TestEvents.registered(device, at(0)));
        store(device, 1, TestEvents.isolationRequested(device, action, IsolationType.Selective, at(10)));
        eventStore.update("insert into action_index (action_id, device_id, action_type, created_at) values (?, ?, ?, ?)",
                action, device, "Isolate", Timestamp.from(at(10)));

        ResponseEntity<JsonNode> response = get("/api/machineactions/" + action);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("@odata.context").asText()).endsWith("/api/$metadata#MachineActions/$entity");
        assertThat(body.get("id").asText()).isEqualTo(action);
        assertThat(body.get("status").asText()).isEqualTo("Pending");
        assertThat(body.get("type").asText()).isEqualTo("Isolate");
        assertThat(body.get("scope").asText()).isEqualTo("Selective");
        assertThat(body.get("machineId").asText()).isEqualTo(device);
        assertThat(body.get("creationDateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:10Z");
        assertThat(body.get("lastUpdateTimeUtc").asText()).isEqualTo("2024-01-01T00:00:10Z");
        // The read model itself is untouched: the fallback only reads.
        assertThat(jdbc.queryForObject("select count(*) from machine_action where id = ?", Integer.class, action))
                .isZero();
    }

    @Test
    void get_whenActionNowhere_is404() {
        ResponseEntity<JsonNode> response = get("/api/machineactions/" + UUID.randomUUID());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().at("/error/code").asText()).isEqualTo("ResourceNotFound");
    }
}
