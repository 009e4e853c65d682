package dev.cordon.query.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.kafka.EventCatalog;
import dev.cordon.events.kafka.EventJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for {@code GET /api/machineactions/{id}}: when the projection has not caught up, the action
 * is folded straight from the command side's event store (read-only). Any trouble there means "not found".
 */
@Component
public class EventStoreActionLookup {

    public static final String DATA_SOURCE = "eventStoreDataSource";

    private static final Logger log = LoggerFactory.getLogger(EventStoreActionLookup.class);
    private static final int MAX_ACTION_ID_LENGTH = 64;
    /** Only classes of the published catalogue are ever instantiated from a stored payload type. */
    private static final Map<String, Class<? extends DeviceEvent>> EVENT_CLASSES = EventCatalog.entries().stream()
            .map(EventCatalog.Entry::eventClass)
            .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

    private final JdbcTemplate eventStore;
    private final ObjectMapper mapper = EventJson.newMapper();

    public EventStoreActionLookup(@Qualifier(DATA_SOURCE) ObjectProvider<DataSource> dataSource) {
        DataSource source = dataSource.getIfAvailable();
        this.eventStore = source == null ? null : new JdbcTemplate(source);
    }

    public Optional<MachineActionView> find(String actionId) {
        if (eventStore == null || actionId.length() > MAX_ACTION_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            List<String> devices = eventStore.queryForList(
                    "SELECT device_id FROM action_index WHERE action_id = ?", String.class, actionId);
            if (devices.isEmpty()) {
                return Optional.empty();
            }
            List<DeviceEvent> history = eventStore.query("""
                    SELECT event_identifier, sequence_number, payload_type, payload_revision, payload
                    FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                    (rs, row) -> event(rs.getString("payload_type"), rs.getBytes("payload"),
                            rs.getString("event_identifier")),
                    devices.get(0));
            return Optional.ofNullable(MachineActionFold.replay(
                    history.stream().filter(Objects::nonNull).toList(), actionId));
        } catch (DataAccessException e) {
            log.warn("Event store lookup for action {} failed: {}", actionId, e.getMessage());
            return Optional.empty();
        }
    }

    private DeviceEvent event(String payloadType, byte[] payload, String eventId) {
        Class<? extends DeviceEvent> type = EVENT_CLASSES.get(payloadType);
        if (type == null) {
            return null;
        }
        try {
            return mapper.readValue(payload, type);
        } catch (IOException e) {
            log.warn("Skipping unreadable stored event {} of type {}: {}", eventId, payloadType, e.getMessage());
            return null;
        }
    }
}
