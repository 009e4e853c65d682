package dev.cordon.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cordon.events.action.ActionType;
import dev.cordon.events.action.IsolationType;
import dev.cordon.query.action.MachineActionRepository;
import dev.cordon.query.changes.Change;
import dev.cordon.query.changes.ChangeNotifier;
import dev.cordon.query.jdbc.ReadModelTables;
import dev.cordon.query.jdbc.SqlDialect;
import dev.cordon.query.machine.MachineRepository;
import dev.cordon.query.projection.DeviceEventProjection.Outcome;
import dev.cordon.query.support.H2TestServer;
import dev.cordon.query.support.TestEvents;
import dev.cordon.query.timeline.TimelineRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch applied at once leaves the same rows, outcomes and announcements as its events applied one by one: two
 * databases migrated alike, the same history (with redeliveries, a divergence, an event out of order, an action whose
 * request was never seen, group changes) into each.
 */
class DeviceEventProjectionBatchOnH2Test {

    private static H2TestServer server;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = H2TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private final class Models {
        final JdbcTemplate jdbc;
        final TransactionTemplate tx;
        final List<String> announced = new ArrayList<>();
        String failOnDevice;
        final DeviceEventProjection projection;

        Models() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(server.url("batch_" + UUID.randomUUID().toString().replace("-", "")));
            dataSource.setUsername(H2TestServer.USER);
            dataSource.setPassword("");
            dataSource.setMaximumPoolSize(2);
            pools.add(dataSource);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
            jdbc = new JdbcTemplate(dataSource);
            tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
            ChangeNotifier notifier = new ChangeNotifier() {
                @Override
                public void changed(Change change) {
                    if (change.machineId().equals(failOnDevice)) {
                        throw new IllegalStateException("announcing failed");
                    }
                    announced.add(change.toNotification());
                }

                @Override
                public void reset() {
                }
            };
            projection = new DeviceEventProjection(new TimelineRepository(named, ReadModelTables.LIVE),
                    new MachineActionRepository(named, SqlDialect.H2, ReadModelTables.LIVE),
                    new MachineRepository(named, SqlDialect.H2, ReadModelTables.LIVE), notifier);
        }

        List<Map<String, Object>> rows(String table, String order) {
            return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + order);
        }
    }

    private Models oneByOne;
    private Models batched;

    @BeforeEach
    void twoDatabases() {
        oneByOne = new Models();
        batched = new Models();
    }

    private static RecordedEvent at(String id, long sequence, dev.cordon.events.DeviceEvent event) {
        return new RecordedEvent(id, sequence, event);
    }

    private static List<RecordedEvent> history() {
        List<RecordedEvent> events = new ArrayList<>();
        events.add(at("a1", 1, TestEvents.registered("dev-a", TestEvents.at(1))));
        events.add(at("a2", 2, TestEvents.groupChanged("dev-a", 3, "Servers", null, TestEvents.at(2))));
        events.add(at("b1", 1, TestEvents.registered("dev-b", TestEvents.at(1))));
        events.add(at("a3", 3, TestEvents.isolationRequested("dev-a", "act-a", IsolationType.Full, TestEvents.at(3))));
        events.add(at("a3", 3, TestEvents.isolationRequested("dev-a", "act-a", IsolationType.Full, TestEvents.at(3))));
        events.add(at("b2", 2, TestEvents.isolationRequested("dev-b", "act-b", IsolationType.Selective,
                TestEvents.at(4))));
        // Out of order: sequence 5 before 4, so 4 is in the timeline but turns neither view back.
        events.add(at("a5", 5, TestEvents.isolated("dev-a", "act-a", IsolationType.Full, TestEvents.at(6))));
        events.add(at("a4", 4, TestEvents.started("dev-a", "act-a", ActionType.Isolate, TestEvents.at(5))));
        // Another event claiming a place already taken: the histories diverged.
        events.add(at("x2", 2, TestEvents.tagAdded("dev-b", "intruder", TestEvents.at(7))));
        // An action whose request was never seen.
        events.add(at("c1", 1, TestEvents.started("dev-c", "act-unknown", ActionType.Isolate, TestEvents.at(8))));
        events.add(at("b3", 3, TestEvents.cancelled("dev-b", "act-b", ActionType.Isolate, TestEvents.at(9))));
        events.add(at("b4", 4, TestEvents.tagAdded("dev-b", "ransomware", TestEvents.at(10))));
        events.add(at("a6", 6, TestEvents.groupChanged("dev-a", 4, "Laptops", "Servers", TestEvents.at(11))));
        events.add(at("a7", 7, TestEvents.releaseRequested("dev-a", "rel-a", TestEvents.at(12))));
        return events;
    }

    @Test
    void applyAll_leavesWhatApplyingOneByOneLeaves() {
        List<RecordedEvent> history = history();
        List<Outcome> single = new ArrayList<>();
        for (RecordedEvent event : history) {
            single.add(oneByOne.tx.execute(status -> oneByOne.projection.apply(event)));
        }
        // In three batches, the second starting amid the first's devices; the last redelivers part of the first.
        List<Outcome> batch = new ArrayList<>();
        batch.addAll(batched.tx.execute(status -> batched.projection.applyAll(history.subList(0, 5))));
        batch.addAll(batched.tx.execute(status -> batched.projection.applyAll(history.subList(5, 11))));
        batch.addAll(batched.tx.execute(status -> batched.projection.applyAll(history.subList(11, history.size()))));
        List<Outcome> redelivered = batched.tx.execute(status -> batched.projection.applyAll(history.subList(0, 4)));

        assertThat(batch).isEqualTo(single).contains(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.DIVERGED);
        assertThat(redelivered).containsOnly(Outcome.DUPLICATE);
        assertThat(batched.rows("timeline_entry", "device_id, sequence"))
                .isEqualTo(oneByOne.rows("timeline_entry", "device_id, sequence")).hasSize(12);
        assertThat(batched.rows("machine_action", "id")).isEqualTo(oneByOne.rows("machine_action", "id"))
                .hasSize(3);
        assertThat(batched.rows("machine", "id")).isEqualTo(oneByOne.rows("machine", "id")).hasSize(3);
        assertThat(batched.announced).isEqualTo(oneByOne.announced).hasSize(12);
    }

    /** A batch that fails writes nothing: its transaction takes every row and every announcement back. */
    @Test
    void applyAll_thatFails_leavesNothing() {
        List<RecordedEvent> history = history();
        // Fails after all of the batch's writes, on its last announcement.
        batched.failOnDevice = "dev-a";
        assertThatThrownBy(() -> batched.tx.execute(status -> batched.projection.applyAll(history)))
                .hasMessage("announcing failed");
        assertThat(batched.rows("timeline_entry", "device_id, sequence")).isEmpty();
        assertThat(batched.rows("machine", "id")).isEmpty();
        assertThat(batched.rows("machine_action", "id")).isEmpty();
    }
}
