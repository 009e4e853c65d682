package dev.cordon.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The documented defaults and environment variables are the ones application.yml really has. */
class StandalonePropertiesTest {

    @Test
    void defaults() throws Exception {
        StandaloneProperties properties = bind(Map.of());

        assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data"));
        assertThat(properties.database().external()).isFalse();
        assertThat(properties.database().eventStoreName()).isEqualTo("cordon_events");
        assertThat(properties.database().queryName()).isEqualTo("cordon_query");
        assertThat(properties.kafka().external()).isFalse();
        assertThat(properties.seedDemoDevices()).isTrue();
        assertThat(properties.agentSimulation()).isTrue();
        assertThat(properties.startupTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(properties.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.javaOptions()).contains("-Xmx512m");
    }

    @Test
    void environmentVariables() throws Exception {
        StandaloneProperties properties = bind(Map.of(
                "CORDON_DATA_DIR", "/var/lib/cordon",
                "CORDON_DATABASE_URL", "jdbc:postgresql://db:5432/",
                "CORDON_DATABASE_USER", "cordon",
                "CORDON_EVENTSTORE_DB_NAME", "events_a",
                "CORDON_QUERY_DB_NAME", "query_a",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "CORDON_DEMO_SEED_DEVICES", "false",
                "CORDON_AGENT_SIMULATION_ENABLED", "false",
                "CORDON_JAVA_OPTIONS", "-Xmx1g,-XX:+UseG1GC"));

        assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/cordon"));
        assertThat(properties.database().external()).isTrue();
        assertThat(properties.database().user()).isEqualTo("cordon");
        assertThat(properties.database().eventStoreName()).isEqualTo("events_a");
        assertThat(properties.database().queryName()).isEqualTo("query_a");
        assertThat(properties.kafka().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(properties.seedDemoDevices()).isFalse();
        assertThat(properties.agentSimulation()).isFalse();
        assertThat(properties.javaOptions()).containsExactly("-Xmx1g", "-XX:+UseG1GC");
    }

    private static StandaloneProperties bind(Map<String, Object> environment) throws Exception {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", environment));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(spring.getPropertySources()::addLast);
        return Binder.get(spring).bind("cordon.standalone", StandaloneProperties.class).get();
    }
}
