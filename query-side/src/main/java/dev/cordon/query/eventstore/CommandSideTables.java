package dev.cordon.query.eventstore;

import java.util.List;

/**
 * Everything the query side reads from the command side's database, in one place: the command side owns these tables
 * and their migrations, and a change to a column read here breaks the query side. CommandSideTablesTest runs each
 * statement on a database made by the command side's own migrations, so such a change fails the build.
 */
public final class CommandSideTables {

    /** One action from {@code action_index}, for read-your-writes before the projection has it. */
    public static final String ACTION_BY_ID = """
            SELECT action_id, device_id, action_type, scope, status, computer_dns_name, requestor, requestor_comment,
                request_source, external_id, created_at, last_update, cancellation_requestor, cancellation_comment,
                cancelled_at, error_hresult, bulk_id
            FROM action_index WHERE action_id = ?""";

    /** The event store's first and last global index, where a rebuild from it starts and ends. */
    public static final String EVENT_RANGE = "SELECT min(global_index), max(global_index) FROM domain_event_entry";

    /** The events of a global index range, in order, at most N: a rebuild reads the store in such chunks. */
    public static final String EVENTS_BETWEEN = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp, payload_type,
                payload_revision, payload
            FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?""";

    /**
     * The devices whose presence (their agents' polls) changed after a point (an instant, and a device id within it),
     * oldest first, at most N.
     */
    public static final String PRESENCE_CHANGED_SINCE = """
            SELECT device_id, first_contact, last_seen, last_ip_address, last_external_ip_address, updated_at
            FROM device_presence WHERE updated_at > ? OR (updated_at = ? AND device_id > ?)
            ORDER BY updated_at, device_id LIMIT ?""";

    /** Every statement above, with how many parameters it takes. */
    public static final List<Statement> ALL = List.of(new Statement(ACTION_BY_ID, 1), new Statement(EVENT_RANGE, 0),
            new Statement(EVENTS_BETWEEN, 3), new Statement(PRESENCE_CHANGED_SINCE, 4));

    public record Statement(String sql, int parameters) {
    }

    private CommandSideTables() {
    }
}
