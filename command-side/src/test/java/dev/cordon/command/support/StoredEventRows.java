package dev.cordon.command.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows into {@code domain_event_entry} the way an earlier version of Cordon left them: any payload at any
 * revision, bypassing today's code, so tests can show that history written long ago still loads.
 */
public final class StoredEventRows {

    public static final String PACKAGE_ACTION = "dev.cordon.events.action.";
    public static final String PACKAGE_DEVICE = "dev.cordon.events.device.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public StoredEventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The fixture's bytes exactly as committed, e.g. {@code DeviceIsolationRequestedEvent.v1.json}. */
    public static byte[] fixture(String file) {
        try (InputStream in = StoredEventRows.class.getResourceAsStream("/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + file + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode fixtureTree(String file) {
        try {
            return (ObjectNode) JSON.readTree(fixture(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(ObjectNode payload) {
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param payloadType the stored class name, e.g. {@code PACKAGE_ACTION + "DeviceIsolatedEvent"}
     * @param timestamp   stored as Axon writes it (UTC, milliseconds)
     * @return the event id
     */
    public String insert(String deviceId, long sequence, String payloadType, String revision, byte[] payload,
                         Instant timestamp, String metaData) {
        String eventId = UUID.randomUUID().toString();
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) values (?,?,?,?,?,?,?,?,?)",
                eventId, deviceId, sequence, "Device", DateTimeUtils.formatInstant(timestamp), payloadType, revision,
                payload, metaData.getBytes(StandardCharsets.UTF_8));
        return eventId;
    }
}
