package dev.cordon.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cordon.query.jdbc.ReadModelTables;
import dev.cordon.query.support.H2Schema;
import dev.cordon.query.support.H2TestServer;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The H2 side of a rebuild on the read models as the H2 migrations make them, on an H2 TCP server as standalone mode
 * runs one (files, the URL options it sets), a fresh database per test.
 */
class H2ShadowTablesTest {

    private static final ReadModelTables LIVE = ReadModelTables.LIVE;
    private static final ReadModelTables SHADOW = LIVE.withSuffix(ReadModelRebuild.SHADOW_SUFFIX);
    private static final String SUFFIX = ReadModelRebuild.SHADOW_SUFFIX;

    private static H2TestServer server;

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private H2ShadowTables tables;

    @BeforeAll
    static void startServer() {
        server = H2TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void migrate() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.url("rebuild_" + UUID.randomUUID().toString().replace("-", "")));
        dataSource.setUsername(H2TestServer.USER);
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(4);
        // A switch that meets a row another connection holds gives up after this (H2's default is 2 s).
        dataSource.addDataSourceProperty("LOCK_TIMEOUT", "200");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tables = new H2ShadowTables(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterEach
    void closePool() {
        dataSource.close();
    }

    @Test
    void create_givesEachShadowTheColumnsKeysAndIndexesOfItsLiveTable() {
        tables.create(LIVE, SHADOW);

        for (int i = 0; i < LIVE.all().size(); i++) {
            List<String> live = H2Schema.describe(jdbc, LIVE.all().get(i), "");
            assertThat(H2Schema.describe(jdbc, SHADOW.all().get(i), SUFFIX)).as(SHADOW.all().get(i))
                    .isEqualTo(live);
            assertThat(live).anyMatch(line -> line.contains("constraint_type=PRIMARY KEY"));
        }
        assertThat(H2Schema.describe(jdbc, "machine_action", "")).filteredOn(line -> line.startsWith("index column"))
                .anyMatch(line -> line.contains("column_name=creation_date_time_utc")
                        && line.contains("ordering_specification=DESC"));
        assertThat(shadowObjectNames()).allMatch(name -> name.endsWith(SUFFIX)).isNotEmpty();
    }

    /** The copy is read from the catalog, so a later migration's additions are copied too. */
    @Test
    void create_copiesWhatALaterMigrationAdds() {
        jdbc.execute("alter table machine add column note varchar(20) default 'n/a' not null");
        jdbc.execute("alter table machine add column risk numeric(5, 2)");
        jdbc.execute("alter table machine add constraint machine_note_given check (note <> '')");
        jdbc.execute("alter table machine_action add constraint machine_action_external_id_uk unique (external_id)");
        jdbc.execute("create unique index timeline_entry_event_id on timeline_entry (event_id desc nulls last)");

        tables.create(LIVE, SHADOW);

        for (int i = 0; i < LIVE.all().size(); i++) {
            assertThat(H2Schema.describe(jdbc, SHADOW.all().get(i), SUFFIX)).as(SHADOW.all().get(i))
                    .isEqualTo(H2Schema.describe(jdbc, LIVE.all().get(i), ""));
        }
        insertMachine("machine_rebuild", "dev-1", "Isolated");
        assertThat(jdbc.queryForObject("select note from machine_rebuild", String.class)).isEqualTo("n/a");
        assertThatThrownBy(() -> jdbc.update("update machine_rebuild set note = ''"))
                .hasMessageContaining("machine_note_given");
    }

    @Test
    void create_whenALiveTableHasAForeignKey_refusesAndSaysWhy() {
        jdbc.execute("alter table machine_action add constraint machine_action_machine_fk "
                + "foreign key (machine_id) references machine (id)");

        assertThatThrownBy(() -> tables.create(LIVE, SHADOW)).isInstanceOf(RebuildException.class)
                .hasMessageContaining("machine_action").hasMessageContaining("FOREIGN KEY")
                .hasMessageContaining("machine_action_machine_fk");
    }

    /** Copied as a plain column, it would differ from the live one: the copy is read back and refused. */
    @Test
    void create_whenALiveColumnIsGenerated_refusesAndSaysWhich() {
        jdbc.execute("alter table timeline_entry add column occurred_on date generated always as (cast(occurred_at as date))");

        assertThatThrownBy(() -> tables.create(LIVE, SHADOW)).isInstanceOf(RebuildException.class)
                .hasMessageContaining("timeline_entry_rebuild").hasMessageContaining("occurred_on");
    }

    @Test
    void swap_makesTheLiveRowsTheRebuiltOnes_andKeepsTablesIndexesAndConstraints() {
        insertMachine("machine", "dev-same", "Isolated");
        insertMachine("machine", "dev-corrupted", "Isolated");
        insertMachine("machine", "dev-only-live", "NotIsolated");
        insertTimeline("timeline_entry", "dev-same", 0);
        insertTimeline("timeline_entry", "dev-only-live", 0);
        Map<String, List<String>> schemaBefore = liveSchemas();
        tables.create(LIVE, SHADOW);
        insertMachine("machine_rebuild", "dev-same", "Isolated");
        insertMachine("machine_rebuild", "dev-corrupted", "NotIsolated");
        insertMachine("machine_rebuild", "dev-only-rebuilt", "IsolationPending");
        insertTimeline("timeline_entry_rebuild", "dev-same", 0);
        insertTimeline("timeline_entry_rebuild", "dev-same", 1);
        List<Map<String, Object>> rebuiltMachines = rows("machine_rebuild");
        List<Map<String, Object>> rebuiltTimeline = rows("timeline_entry_rebuild");

        tables.swap(LIVE, SHADOW);

        assertThat(rows("machine")).isEqualTo(rebuiltMachines);
        assertThat(rows("timeline_entry")).isEqualTo(rebuiltTimeline);
        assertThat(rows("machine_action")).isEmpty();
        assertThat(liveSchemas()).isEqualTo(schemaBefore);
        assertThat(shadowObjectNames()).isEmpty();
    }

    /** One transaction: a reader never sees the live tables empty, half-written, or one switched and one not. */
    @Test
    void swap_readersSeeTheOldRowsOrTheNew_neverAnythingBetween() throws Exception {
        for (int i = 0; i < 300; i++) {
            insertMachine("machine", "old-" + i, "Isolated");
            insertTimeline("timeline_entry", "old-" + i, 0);
        }
        tables.create(LIVE, SHADOW);
        for (int i = 0; i < 400; i++) {
            insertMachine("machine_rebuild", "new-" + i, "Isolated");
            insertTimeline("timeline_entry_rebuild", "new-" + i, 0);
        }
        String observe = """
                select (select count(*) from machine where id like 'old-%') || '/'
                    || (select count(*) from machine where id like 'new-%') || '/'
                    || (select count(*) from timeline_entry where device_id like 'old-%') || '/'
                    || (select count(*) from timeline_entry where device_id like 'new-%')""";
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean switched = new AtomicBoolean();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate readerJdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            Future<Integer> reads = reader.submit(() -> {
                int count = 0;
                // A few reads after the switch too, so that the new rows are seen whatever the timing.
                for (int after = 0; after < 3; count++) {
                    seen.add(readerJdbc.queryForObject(observe, String.class));
                    after += switched.get() ? 1 : 0;
                }
                return count;
            });

            tables.swap(LIVE, SHADOW);
            switched.set(true);

            assertThat(reads.get()).isPositive();
        } finally {
            reader.shutdownNow();
        }
        assertThat(seen).isSubsetOf("300/0/300/0", "0/400/0/400").contains("0/400/0/400");
    }

    @Test
    void swap_whenALiveRowCannotBeWritten_changesNothing() throws Exception {
        insertMachine("machine", "dev-only-live", "Isolated");
        insertMachine("machine", "dev-locked", "Isolated");
        tables.create(LIVE, SHADOW);
        insertMachine("machine_rebuild", "dev-locked", "NotIsolated");
        List<Map<String, Object>> liveBefore = rows("machine");

        // Another writer holds the row the switch has to change (a second instance that was not stopped).
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().executeUpdate("update machine set os_build = 'x' where id = 'dev-locked'");

            assertThatThrownBy(() -> tables.swap(LIVE, SHADOW)).isInstanceOf(DataAccessException.class);
            other.rollback();
        }

        // dev-only-live was deleted first, in the same transaction: rolled back with the rest.
        assertThat(rows("machine")).isEqualTo(liveBefore);
        assertThat(rows("machine_rebuild")).hasSize(1);
    }

    /** A figure for docs/audit-replay.md, not an assertion on time: a switch that has to write every row. */
    @Test
    void swap_ofManyRows_printsItsFigures() {
        int rows = 20_000;
        tables.create(LIVE, SHADOW);
        jdbc.update("""
                insert into timeline_entry_rebuild (device_id, sequence, event_id, event_type, occurred_at, action_id,
                    action_type, status, requestor, comment)
                select 'dev-' || (x / 10), mod(x, 10), random_uuid(), 'DeviceIsolated', timestamp with time zone
                    '2024-01-01 00:00:00+00', random_uuid(), 'Isolate', 'Succeeded', 'analyst@corp.example',
                    'Ransomware alert 4711'
                from system_range(1, ?) r(x)""", rows);
        long started = System.nanoTime();

        tables.swap(LIVE, SHADOW);

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry", Integer.class)).isEqualTo(rows);
        System.out.printf("H2 switch: %d rows written in %d ms (%.0f rows/s)%n", rows, millis,
                rows * 1000.0 / Math.max(1, millis));
    }

    /**
     * Keys outside the Basic Multilingual Plane sort before U+FFFD in H2's (UTF-16) order but after it in Java's code
     * point order; the verifier's merge would take equal copies for different ones if the two orders disagreed.
     */
    @Test
    void textKeyOrder_isJavasCodePointOrder_soEqualCopiesVerifyEqual() {
        tables.create(LIVE, SHADOW);
        for (String id : List.of("dev-z", "dev-\u00e9", "dev-\uFFFD", "dev-\uD83D\uDE00", "dev-A")) {
            insertMachine("machine", id, "Isolated");
            insertMachine("machine_rebuild", id, "Isolated");
        }

        Verification verification = new ReadModelVerifier(dataSource, tables).compare(LIVE, SHADOW);

        assertThat(verification.equal()).as(String.valueOf(verification.firstDifference())).isTrue();
        assertThat(verification.readModels().get(0).liveRows()).isEqualTo(5);
        assertThat(jdbc.queryForList("select id from machine order by " + tables.textKeyOrder("id"), String.class))
                .containsExactly("dev-A", "dev-z", "dev-\u00e9", "dev-\uFFFD", "dev-\uD83D\uDE00");
    }

    // --- helpers ---

    private void insertMachine(String table, String id, String isolationState) {
        jdbc.update("insert into " + table + " (id, computer_dns_name, isolation_state, last_update, last_sequence)"
                + " values (?, ?, ?, ?, 3)", id, id + ".corp.example", isolationState,
                Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")));
    }

    private void insertTimeline(String table, String device, long sequence) {
        jdbc.update("insert into " + table + " (device_id, sequence, event_id, event_type, occurred_at)"
                + " values (?, ?, ?, 'DeviceRegistered', ?)", device, sequence, device + "/" + sequence,
                Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")));
    }

    private List<Map<String, Object>> rows(String table) {
        String key = table.startsWith("timeline_entry") ? "device_id, sequence" : "id";
        return jdbc.queryForList("select * from " + table + " order by " + key);
    }

    private Map<String, List<String>> liveSchemas() {
        Map<String, List<String>> schemas = new LinkedHashMap<>();
        LIVE.all().forEach(table -> schemas.put(table, H2Schema.describe(jdbc, table, "")));
        return schemas;
    }

    /** Every table, constraint and index of a shadow table, by name. */
    private List<String> shadowObjectNames() {
        List<String> names = new ArrayList<>(jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema and table_name like '%\\_rebuild'""", String.class));
        names.addAll(jdbc.queryForList("""
                select constraint_name from information_schema.table_constraints
                where table_schema = current_schema and table_name like '%\\_rebuild'""", String.class));
        names.addAll(jdbc.queryForList("""
                select index_name from information_schema.indexes
                where table_schema = current_schema and table_name like '%\\_rebuild'""", String.class));
        return names;
    }
}
