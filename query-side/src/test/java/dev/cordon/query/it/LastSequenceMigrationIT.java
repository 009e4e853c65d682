package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.query.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Views written before V2 get the last sequence their timeline shows, so that a late older event cannot undo them. */
class LastSequenceMigrationIT {

    private final String database = TestDatabases.randomName("cordon_query_v2");

    @AfterEach
    void drop() {
        TestDatabases.drop(database);
    }

    private static Flyway flyway(String url, String user, String vendor, String target) {
        return Flyway.configure().dataSource(url, user, "")
                .locations("classpath:db/migration/" + vendor).target(target).load();
    }

    @Test
    void migration_setsLastSequenceFromTheTimeline() {
        TestDatabases.createDatabase(database);
        migratesFromTheTimeline(TestDatabases.url(database), TestDatabases.USER, "postgresql");
    }

    /** Standalone mode's twin of V2 (no UPDATE ... FROM in H2) does the same. */
    @Test
    void migration_onH2_setsLastSequenceFromTheTimeline() {
        String url = "jdbc:h2:mem:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        migratesFromTheTimeline(url, "sa", "h2");
    }

    private static void migratesFromTheTimeline(String url, String user, String vendor) {
        flyway(url, user, vendor, "1").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, ""));
        jdbc.execute("""
                insert into machine (id, isolation_state) values ('dev-1', 'Isolated'), ('dev-2', 'NotIsolated');
                insert into machine_action (id, type, status, machine_id, creation_date_time_utc,
                    last_update_date_time_utc)
                values ('act-1', 'Isolate', 'Succeeded', 'dev-1', now(), now()),
                       ('act-2', 'Unisolate', 'Pending', 'dev-1', now(), now()),
                       ('act-3', 'Isolate', 'Pending', 'dev-2', now(), now());
                insert into timeline_entry (device_id, sequence, event_id, event_type, occurred_at, action_id)
                values ('dev-1', 0, 'e0', 'DeviceRegistered', now(), null),
                       ('dev-1', 1, 'e1', 'DeviceIsolationRequested', now(), 'act-1'),
                       ('dev-1', 2, 'e2', 'DeviceIsolated', now(), 'act-1'),
                       ('dev-1', 3, 'e3', 'DeviceReleaseRequested', now(), 'act-2'),
                       ('dev-1', 4, 'e4', 'DeviceDetailsUpdated', now(), null);
                """);

        flyway(url, user, vendor, "latest").migrate();

        assertThat(jdbc.queryForList("select id || '=' || last_sequence from machine order by id", String.class))
                .containsExactly("dev-1=4", "dev-2=-1");
        assertThat(jdbc.queryForList("select id || '=' || last_sequence from machine_action order by id",
                String.class)).containsExactly("act-1=2", "act-2=3", "act-3=-1");
    }
}
