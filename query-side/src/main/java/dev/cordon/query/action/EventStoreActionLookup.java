package dev.cordon.query.action;

import static dev.cordon.query.jdbc.Timestamps.instant;

import dev.cordon.events.action.ActionStatus;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.events.error.ErrorCode;
import dev.cordon.query.eventstore.CommandSideTables;
import dev.cordon.service.error.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
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
 * is read (read-only) from the command side's {@code action_index}, which the command side writes in the same
 * transaction as the action's events and which holds every MachineAction field. A row that is not there means
 * "not found"; a lookup that fails means "unavailable" (503), never 404: Defender clients take a 404 as final.
 */
@Component
public class EventStoreActionLookup {

    public static final String DATA_SOURCE = "eventStoreDataSource";

    private static final Logger log = LoggerFactory.getLogger(EventStoreActionLookup.class);
    /** {@code action_index.action_id} is a varchar(64): a longer id cannot be there. */
    private static final int MAX_ACTION_ID_LENGTH = 64;

    private final JdbcTemplate eventStore;

    public EventStoreActionLookup(@Qualifier(DATA_SOURCE) ObjectProvider<DataSource> dataSource) {
        DataSource source = dataSource.getIfAvailable();
        this.eventStore = source == null ? null : new JdbcTemplate(source);
    }

    /** @throws ApiException ServiceUnavailable if the event store could not answer */
    public Optional<MachineActionView> find(String actionId) {
        if (eventStore == null || actionId.length() > MAX_ACTION_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            return eventStore.query(CommandSideTables.ACTION_BY_ID, EventStoreActionLookup::map, actionId).stream()
                    .findFirst();
        } catch (DataAccessException e) {
            log.warn("Event store lookup for action {} failed: {}", actionId, e.getMessage());
            throw new ApiException(ErrorCode.ServiceUnavailable,
                    "Action " + actionId + " could not be looked up right now; retry shortly");
        }
    }

    private static MachineActionView map(ResultSet rs, int row) throws SQLException {
        String scope = rs.getString("scope");
        return new MachineActionView(
                rs.getString("action_id"),
                ActionType.valueOf(rs.getString("action_type")),
                scope == null ? null : IsolationType.valueOf(scope),
                null,
                rs.getString("requestor"),
                rs.getString("requestor_comment"),
                rs.getString("request_source"),
                rs.getString("external_id"),
                ActionStatus.valueOf(rs.getString("status")),
                rs.getString("device_id"),
                rs.getString("computer_dns_name"),
                instant(rs, "created_at"),
                instant(rs, "last_update"),
                rs.getString("cancellation_requestor"),
                rs.getString("cancellation_comment"),
                instant(rs, "cancelled_at"),
                rs.getInt("error_hresult"),
                rs.getString("bulk_id"));
    }
}
