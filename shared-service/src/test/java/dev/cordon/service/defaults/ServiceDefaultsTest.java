package dev.cordon.service.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ServiceDefaultsTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(context -> new ServiceDefaults().postProcessEnvironment(context.getEnvironment(), null))
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

    @Test
    void springSecurity_isNotObserved_butRequestsStillAre() {
        service.run(context -> {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            assertThat(Observation.createNotStarted("spring.security.filterchains", registry).isNoop()).isTrue();
            assertThat(Observation.createNotStarted("spring.security.authentications", registry).isNoop()).isTrue();
            assertThat(Observation.createNotStarted("http.server.requests", registry).isNoop()).isFalse();
        });
    }

    @Test
    void aServiceMayStillTurnItOn() {
        service.withPropertyValues("management.observations.enable.spring.security=true").run(context -> {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            assertThat(Observation.createNotStarted("spring.security.filterchains", registry).isNoop()).isFalse();
        });
    }
}
