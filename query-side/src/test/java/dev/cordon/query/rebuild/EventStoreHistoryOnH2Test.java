package dev.cordon.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cordon.events.device.DeviceRegisteredEvent;
import dev.cordon.query.support.TestEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The event-store stream on H2, through a pool bounded like the query side's event-store pool (H2's QUERY_TIMEOUT,
 * here 200 ms). Reading the events takes longer than that, deterministically: the stored events are served through
 * a view whose payload column sleeps 2 ms a row once {@link #slow} is set (H2 looks at the timeout
 * every 128 rows).
 */
class EventStoreHistoryOnH2Test {

    private static final int EVENTS = 300;
    private static final String POOL_TIMEOUT_MILLIS = "200";

    static volatile boolean slow;

    private JdbcTemplate admin;
    private HikariDataSource pool;

    /** Called by H2 for every row read through the view. */
    public static final class SlowPayload {
        private SlowPayload() {
        }

        public static byte[] read(byte[] payload) throws InterruptedException {
            if (slow) {
                Thread.sleep(2);
            }
            return payload;
        }
    }

    @BeforeEach
    void eventStore() throws Exception {
        slow = false;
        String url = "jdbc:h2:mem:events-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        admin = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        admin.execute("""
                create table stored_event (global_index bigint primary key, event_identifier varchar not null,
                    aggregate_identifier varchar not null, sequence_number bigint not null, time_stamp varchar not null,
                    payload_type varchar not null, payload_revision varchar, payload binary varying not null)""");
        for (int i = 1; i <= EVENTS; i++) {
            String device = "dev-" + i;
            admin.update("insert into stored_event values (?, ?, ?, 0, ?, ?, '1', ?)", i, UUID.randomUUID().toString(),
                    device, TestEvents.at(i).toString(), DeviceRegisteredEvent.class.getName(),
                    TestEvents.MAPPER.writeValueAsBytes(TestEvents.registered(device, TestEvents.at(i))));
        }
        admin.execute("create alias slow_payload for \"" + SlowPayload.class.getName() + ".read\"");
        admin.execute("""
                create view domain_event_entry as
                select global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp, payload_type,
                    payload_revision, slow_payload(payload) as payload
                from stored_event""");
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setReadOnly(true);
        pool.setMaximumPoolSize(1);
        pool.addDataSourceProperty("QUERY_TIMEOUT", POOL_TIMEOUT_MILLIS);
    }

    @AfterEach
    void close() {
        slow = false;
        pool.close();
        admin.execute("SHUTDOWN");
    }

    @Test
    void readAll_outlastsThePoolsQueryTimeout_andLeavesTheTimeoutAsItWas() {
        EventStoreHistory history = EventStoreHistory.open(pool, 16);
        slow = true;
        assertThatThrownBy(() -> readPayloads()).as("the pool's bound").hasMessageContaining("cancel");
        List<String> origins = readAll(history, () -> { });

        assertThat(origins).hasSize(EVENTS).startsWith("event store #1").endsWith("event store #" + EVENTS);
        // The pool's only connection: bounded again for the lookups that use it next.
        assertThat(new JdbcTemplate(pool).queryForObject("""
                select setting_value from information_schema.settings where setting_name = 'QUERY_TIMEOUT'""",
                String.class)).isEqualTo(POOL_TIMEOUT_MILLIS);
        assertThatThrownBy(() -> readPayloads()).hasMessageContaining("cancel");
    }

    /**
     * The history is read in chunks (16 x 10 rows here), each in a transaction of its own that has ended before its
     * events reach the sink: with one connection in the pool, a sink that needs it would otherwise wait for it. A
     * transaction over the whole read held the command side's database back from pruning for as long as it took.
     */
    @Test
    void readAll_holdsNoConnectionOrTransactionWhileTheSinkWorks() {
        pool.setConnectionTimeout(1_000);
        EventStoreHistory history = EventStoreHistory.open(pool, 16);
        JdbcTemplate sameStore = new JdbcTemplate(pool);
        List<String> origins = readAll(history, () -> assertThat(sameStore.queryForObject(
                "select count(*) from domain_event_entry", Integer.class)).isEqualTo(EVENTS));

        assertThat(origins).hasSize(EVENTS).startsWith("event store #1").endsWith("event store #" + EVENTS);
    }

    /** Every origin the history hands its sink, in order; {@code onEach} runs as each arrives. */
    private static List<String> readAll(EventStoreHistory history, Runnable onEach) {
        List<String> origins = new ArrayList<>();
        history.readAll(new RecordSink() {
            @Override
            public void accept(String value, String origin) {
                onEach.run();
                origins.add(origin);
            }

            @Override
            public void skip(String origin, String reason) {
                throw new AssertionError(origin + ": " + reason);
            }

            @Override
            public void flush() {
            }
        });
        return origins;
    }

    private void readPayloads() {
        new JdbcTemplate(pool).queryForList("select payload from domain_event_entry", byte[].class);
    }
}
