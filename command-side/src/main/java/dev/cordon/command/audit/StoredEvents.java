package dev.cordon.command.audit;

import dev.cordon.command.group.DeviceGroupIndex;
import dev.cordon.service.security.DeviceScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the event store itself, never a projection. Rows are read with JDBC so that the stored revision and
 * payload stay visible, and each is turned into its current form by Axon's own upcaster chain and serializer:
 * what the history, the state at an instant and the export show is what the aggregate is loaded from.
 */
@Repository
public class StoredEvents {

    /** Rows fetched from the database per round trip during an export; memory holds one batch at most. */
    static final int EXPORT_FETCH_SIZE = 500;

    /** The aggregate type Axon stores a device's events under (the aggregate class's simple name). */
    static final String DEVICE = "Device";
    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;
    private final ObjectProvider<Configuration> axon;
    private final DeviceGroupIndex groups;

    StoredEvents(DataSource dataSource, PlatformTransactionManager transactions, ObjectProvider<Configuration> axon,
                 DeviceGroupIndex groups) {
        this.groups = groups;
        this.jdbc = new JdbcTemplate(dataSource);
        // With autocommit off (inside the transaction below), a fetch size makes PostgreSQL's driver stream the
        // result through a cursor instead of loading it whole.
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(EXPORT_FETCH_SIZE);
        // One read-only snapshot for a whole export: it ends at the head as of its start, without gaps from
        // transactions that commit while it runs.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.axon = axon;
    }

    /** Whether the store holds any event at all. */
    public boolean any() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from domain_event_entry)",
                Boolean.class));
    }

    /** Whether a device has events: a bulk action's id is no device, whatever its events. */
    boolean exists(String deviceId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from domain_event_entry where aggregate_identifier = ? and type = ?)",
                Boolean.class, deviceId, DEVICE));
    }

    /** Every event of the device, in sequence order; never another aggregate's (a bulk action's). */
    List<StoredEvent> ofDevice(String deviceId) {
        List<StoredEvent> events = new ArrayList<>();
        jdbc.query("select " + COLUMNS + " from domain_event_entry where aggregate_identifier = ? and type = ? "
                + "order by sequence_number", rs -> {
                    events.add(read(rs));
                }, deviceId, DEVICE);
        return events;
    }

    /**
     * The device's events after {@code afterSequence}, up to and including {@code upToSequence} (null: to the last), in
     * sequence order: one range of the (aggregate, sequence) key.
     */
    List<StoredEvent> ofDevice(String deviceId, long afterSequence, Long upToSequence) {
        List<StoredEvent> events = new ArrayList<>();
        List<Object> args = new ArrayList<>(List.of(deviceId, afterSequence));
        if (upToSequence != null) {
            args.add(upToSequence);
        }
        jdbc.query("select " + COLUMNS + " from domain_event_entry where aggregate_identifier = ? and sequence_number > ?"
                + (upToSequence == null ? "" : " and sequence_number <= ?") + " order by sequence_number", rs -> {
                    events.add(read(rs));
                }, args.toArray());
        return events;
    }

    /**
     * {@code seed} chained over the device's stored rows after {@code afterSequence} up to {@code upToSequence}, as
     * stored (no upcasting, no deserializing), for checking a state checkpoint against the events it stands for.
     */
    byte[] hashOfDevice(String deviceId, long afterSequence, long upToSequence, byte[] seed) {
        EventsHash hash = new EventsHash(seed);
        jdbc.query("select event_identifier, sequence_number, time_stamp, payload_revision, payload from "
                + "domain_event_entry where aggregate_identifier = ? and sequence_number > ? and sequence_number <= ? "
                + "order by sequence_number", rs -> {
                    hash.add(rs.getString(1), rs.getLong(2), DateTimeUtils.parseInstant(rs.getString(3)),
                            rs.getString(4), rs.getBytes(5));
                }, deviceId, afterSequence, upToSequence);
        return hash.value();
    }

    /**
     * Hands every event of the range to {@code sink}, in the store's order, one at a time.
     *
     * @param from     inclusive, or null for the first event
     * @param to       exclusive, or null for the head as of the start
     * @param deviceId one device's events only, or null for all (the bulk actions' too)
     * @param scope    only the events of devices in these device groups (their current group); a caller limited to
     *                 some groups gets no bulk action's events, whose targets may lie outside them (its devices'
     *                 events still name their bulk)
     */
    public void export(Instant from, Instant to, String deviceId, DeviceScope scope, Consumer<StoredEvent> sink) {
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        // time_stamp holds Axon's fixed-width UTC form with milliseconds, so text order is time order (Axon
        // relies on this itself). Stored times are whole milliseconds: ">= from" equals ">= from rounded up".
        if (from != null) {
            where.add("time_stamp >= ?");
            args.add(DateTimeUtils.formatInstant(ceilingMillis(from)));
        }
        if (to != null) {
            where.add("time_stamp < ?");
            args.add(DateTimeUtils.formatInstant(ceilingMillis(to)));
        }
        if (deviceId != null) {
            where.add("aggregate_identifier = ?");
            args.add(deviceId);
        }
        if (deviceId != null || !scope.all()) {
            where.add("type = ?");
            args.add(DEVICE);
        }
        groups.condition(scope, "aggregate_identifier").ifPresent(covered -> {
            where.add(covered.sql());
            args.addAll(covered.args());
        });
        String sql = "select " + COLUMNS + " from domain_event_entry"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by global_index";
        snapshot.executeWithoutResult(status -> cursor.query(sql, rs -> {
            sink.accept(read(rs));
        }, args.toArray()));
    }

    private StoredEvent read(ResultSet rs) throws SQLException {
        String revision = rs.getString("payload_revision");
        byte[] payload = rs.getBytes("payload");
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                rs.getString("event_identifier"), rs.getString("time_stamp"), rs.getString("payload_type"),
                revision, payload, rs.getBytes("meta_data"));
        return new StoredEvent(revision, payload, current(entry));
    }

    /** Through the chain one row at a time, so that each result stays paired with the row it came from. */
    private DomainEventMessage<?> current(GenericDomainEventEntry<byte[]> entry) {
        Configuration configuration = axon.getObject();
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry),
                configuration.eventSerializer(), configuration.upcasterChain());
        Iterator<DomainEventMessage<?>> messages = stream;
        if (!messages.hasNext()) {
            throw new IllegalStateException("Event " + entry.getEventIdentifier() + " was dropped by an upcaster");
        }
        DomainEventMessage<?> message = messages.next();
        if (messages.hasNext()) {
            throw new IllegalStateException("Event " + entry.getEventIdentifier() + " was split by an upcaster");
        }
        return message;
    }

    private static Instant ceilingMillis(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(instant) ? millis : millis.plusMillis(1);
    }
}
