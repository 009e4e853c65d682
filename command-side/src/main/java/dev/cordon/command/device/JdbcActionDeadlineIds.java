package dev.cordon.command.device;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code action_deadlines}, written through the command's own transaction (Axon's unit of work runs in Spring's), so a
 * kept id exists exactly when the request's events and the scheduled deadline do. Every statement is by primary key.
 */
@Repository
class JdbcActionDeadlineIds implements ActionDeadlineIds {

    private final JdbcTemplate jdbc;

    JdbcActionDeadlineIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keep(String actionId, String deadlineId) {
        jdbc.update("insert into action_deadlines (action_id, deadline_id) values (?, ?)", actionId, deadlineId);
    }

    @Override
    public Optional<String> take(String actionId) {
        // Select, then delete: H2 has no DELETE ... RETURNING. Two ends of one action cannot both commit: the device's
        // commands are serialized by its aggregate lock, and across replicas the event store's sequence key rolls the
        // loser back, its take with it.
        List<String> ids = jdbc.queryForList("select deadline_id from action_deadlines where action_id = ?",
                String.class, actionId);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("delete from action_deadlines where action_id = ?", actionId);
        return Optional.of(ids.get(0));
    }
}
