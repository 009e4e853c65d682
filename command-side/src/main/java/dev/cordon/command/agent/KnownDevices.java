package dev.cordon.command.agent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a device was ever registered: it has events in the store. */
@Component
class KnownDevices {

    private final JdbcTemplate jdbc;

    KnownDevices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String deviceId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from domain_event_entry where aggregate_identifier = ?)",
                Boolean.class, deviceId));
    }
}
