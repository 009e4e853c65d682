package dev.cordon.command.support;

import dev.cordon.command.CommandSideApplication;
import dev.cordon.service.testing.TestIssuer;
import dev.cordon.service.testing.TestSigning;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whole command-side instances for tests that restart one or run several side by side on one database. */
public final class CommandSideInstances {

    private CommandSideInstances() {
    }

    public static ConfigurableApplicationContext start(TestDatabase db, String kafkaBrokers, List<Class<?>> extraSources,
                                                       String... extraArgs) {
        return start(db.url(), db.user(), kafkaBrokers, extraSources, extraArgs);
    }

    /** On any event store by its JDBC URL, e.g. H2 as standalone mode runs it (see H2TestServer). */
    public static ConfigurableApplicationContext start(String dbUrl, String dbUser, String kafkaBrokers,
                                                       List<Class<?>> extraSources, String... extraArgs) {
        List<Class<?>> sources = new ArrayList<>(List.of(CommandSideApplication.class));
        sources.addAll(extraSources);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + dbUser, "--spring.kafka.bootstrap-servers=" + kafkaBrokers,
                "--cordon.security.issuer-uri=" + TestIssuer.get().issuer(),
                "--cordon.kafka.signing-keys=" + TestSigning.KEYS));
        args.addAll(List.of(DemoDeviceGroups.args()));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }

    public static HttpApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new HttpApi("http://127.0.0.1:" + port);
    }

    public static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    /** The simple names of a device's stored events, in sequence order. */
    public static List<String> eventTypes(JdbcTemplate jdbc, String deviceId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number", String.class, deviceId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
