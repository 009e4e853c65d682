package dev.cordon.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.query.QuerySideApplication;
import dev.cordon.query.action.EventStoreActionLookup;
import dev.cordon.query.rebuild.ReadModelRebuild;
import dev.cordon.query.rebuild.RebuildPhase;
import dev.cordon.query.support.H2Schema;
import dev.cordon.query.support.H2TestServer;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.service.testing.TestSigning;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Rebuilding the read models on H2 as standalone mode runs it: an H2 TCP server holds the read models and, made by
 * the command side's own H2 migrations, the event store; the databases are chosen by nothing but the JDBC URLs.
 */
@EmbeddedKafka(kraft = true, partitions = 3, topics = ReadModelRebuildOnH2IT.TOPIC)
class ReadModelRebuildOnH2IT extends ReadModelRebuildScenarios {

    static final String TOPIC = "cordon.device-events.rebuild-h2-it";
    /** Relative to the query-side module directory, the tests' working directory. */
    private static final String COMMAND_SIDE_H2_MIGRATIONS =
            "filesystem:../command-side/src/main/resources/db/migration/h2";
    private static final String SUFFIX = ReadModelRebuild.SHADOW_SUFFIX;

    private H2TestServer h2;
    private ConfigurableApplicationContext app;
    private String queryUrl;
    private JdbcTemplate jdbc;
    private JdbcTemplate eventStore;
    private TestRestTemplate rest;
    private String brokers;

    @BeforeAll
    void start() {
        h2 = H2TestServer.start();
        String eventStoreUrl = h2.url("cordon_events");
        Flyway.configure().dataSource(eventStoreUrl, H2TestServer.USER, "").locations(COMMAND_SIDE_H2_MIGRATIONS)
                .load().migrate();
        eventStore = new JdbcTemplate(new DriverManagerDataSource(eventStoreUrl, H2TestServer.USER, ""));
        brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        queryUrl = h2.url("cordon_query");
        app = new SpringApplicationBuilder(QuerySideApplication.class, RebuildGate.class).run("--server.port=0",
                "--spring.datasource.url=" + queryUrl,
                "--spring.datasource.username=" + H2TestServer.USER, "--spring.datasource.password=",
                "--cordon.query.event-store.url=" + eventStoreUrl,
                "--cordon.query.event-store.username=" + H2TestServer.USER, "--cordon.query.event-store.password=",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--cordon.kafka.topic=" + TOPIC,
                "--cordon.query.consumer-group=cordon-query-rebuild-h2-it",
                // Several batches even for this small history, so that batching is part of what is tested.
                "--cordon.query.rebuild.batch-size=64",
                "--cordon.security.issuer-uri=" + TestIssuer.get().issuer(),
                "--cordon.kafka.signing-keys=" + TestSigning.KEYS);
        jdbc = app.getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestIssuer.bearer()));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (h2 != null) {
            h2.close();
        }
    }

    @Override
    protected TestRestTemplate rest() {
        return rest;
    }

    @Override
    protected JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    protected JdbcTemplate eventStore() {
        return eventStore;
    }

    @Override
    protected String brokers() {
        return brokers;
    }

    @Override
    protected String topic() {
        return TOPIC;
    }

    @Override
    protected RebuildGate gate() {
        return app.getBean(RebuildGate.class);
    }

    /** H2 stores every instant an OffsetDateTime can hold. */
    @Override
    protected Optional<Instant> timestampTheDatabaseRejects() {
        return Optional.empty();
    }

    /** Everything the catalog says about the live tables, names included. */
    @Override
    protected Object liveSchema() {
        Map<String, List<String>> schema = new LinkedHashMap<>();
        TABLES.forEach(table -> schema.put(table, H2Schema.describe(jdbc, table, "")));
        return schema;
    }

    /** The switch on H2 keeps the tables and changes their rows. */
    @Override
    protected Map<String, Long> liveTableIds() {
        return Map.of();
    }

    @Override
    protected List<String> shadowTables() {
        return jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema and table_name like '%\\_rebuild'""", String.class);
    }

    @Override
    protected String figuresNote() {
        return ", H2";
    }

    // ---- H2 only ---------------------------------------------------------------------------------------------

    /** The tables made with Flyway's H2 migrations, and their copies made from the catalog, say the same there. */
    @Test
    @Order(5)
    void shadowTables_whileBuilding_haveTheLiveColumnsKeysAndIndexes() throws Exception {
        gate().holdAt(RebuildPhase.CATCHING_UP);
        String id = start("kafka", "verify").getBody().get("id").asText();
        gate().awaitReached();

        for (String table : TABLES) {
            List<String> live = H2Schema.describe(jdbc, table, "");
            assertThat(H2Schema.describe(jdbc, table + SUFFIX, SUFFIX)).as(table).isEqualTo(live);
            assertThat(live).anyMatch(line -> line.startsWith("constraint: ")
                    && line.contains("constraint_type=PRIMARY KEY"));
        }
        gate().releaseAll();
        assertEqualVerification(awaitFinished(id));
    }

    /** The stream lifts the pool's QUERY_TIMEOUT (a session setting on H2) and puts it back on its connection. */
    @Test
    @Order(6)
    void eventStoreRebuild_leavesTheLookupPoolBounded() throws SQLException {
        assertEqualVerification(runRebuild("event-store", "verify"));

        DataSource lookups = app.getBean(EventStoreActionLookup.DATA_SOURCE, DataSource.class);
        // Both of the pool's connections at once, so the one that streamed is among them.
        try (Connection first = lookups.getConnection(); Connection second = lookups.getConnection()) {
            assertThat(queryTimeout(first)).isEqualTo("2000");
            assertThat(queryTimeout(second)).isEqualTo("2000");
        }
    }

    /** Last: it changes the schema. The rebuilt read models kept the names later migrations are written for. */
    @Test
    @Order(Integer.MAX_VALUE)
    void afterSwitches_aLaterMigrationFindsTheNamesItWasWrittenFor_andRebuildsFollowIt() {
        int applied = Flyway.configure().dataSource(queryUrl, H2TestServer.USER, "")
                .locations("classpath:db/migration/h2", "classpath:db/rebuild-h2-it").load().migrate()
                .migrationsExecuted;

        assertThat(applied).isEqualTo(1);
        assertThat(H2Schema.describe(jdbc, "timeline_entry", "")).anyMatch(line -> line.contains("column_name=note"));
        assertEqualVerification(runRebuild("kafka", "switch"));
    }

    private static String queryTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select setting_value from information_schema.settings where setting_name = 'QUERY_TIMEOUT'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
