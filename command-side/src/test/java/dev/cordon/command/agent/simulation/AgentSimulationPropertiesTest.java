package dev.cordon.command.agent.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The simulation's settings are checked when the application starts, with a message that names the fix. */
class AgentSimulationPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(AgentSimulationProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues("cordon.agent-simulation.poll-interval=1s", "cordon.agent-simulation.delay=3s",
                    "cordon.agent-simulation.failure-rate=0");

    @Test
    void defaults_bind() {
        runner.run(context -> {
            AgentSimulationProperties p = context.getBean(AgentSimulationProperties.class);
            assertThat(p.enabled()).isFalse();
            assertThat(p.pollInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(p.delay()).isEqualTo(Duration.ofSeconds(3));
            assertThat(p.failureRate()).isZero();
            assertThat(p.offlineDevices()).isEmpty();
        });
    }

    @Test
    void offlineDevices_commaSeparated_bindTrimmedWithoutBlanks() {
        runner.withPropertyValues("cordon.agent-simulation.offline-devices= dev-1 ,dev-2,, ").run(context ->
                assertThat(context.getBean(AgentSimulationProperties.class).offlineDevices())
                        .containsExactlyInAnyOrder("dev-1", "dev-2"));
    }

    /** What application.yml gives when CORDON_AGENT_SIMULATION_OFFLINE_DEVICES is unset. */
    @Test
    void offlineDevices_empty_isNone() {
        runner.withPropertyValues("cordon.agent-simulation.offline-devices=").run(context ->
                assertThat(context.getBean(AgentSimulationProperties.class).offlineDevices()).isEmpty());
    }

    @Test
    void failureRate_aboveOne_failsTheStartWithAClearMessage() {
        runner.withPropertyValues("cordon.agent-simulation.failure-rate=1.5").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "cordon.agent-simulation.failure-rate (CORDON_AGENT_SIMULATION_FAILURE_RATE) must be "
                                + "between 0 and 1").hasMessageContaining("was 1.5"));
    }

    @Test
    void failureRate_belowZero_failsTheStart() {
        runner.withPropertyValues("cordon.agent-simulation.failure-rate=-0.1").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("must be between 0 and 1"));
    }

    @Test
    void failureRate_one_isAccepted() {
        runner.withPropertyValues("cordon.agent-simulation.failure-rate=1").run(context ->
                assertThat(context).hasNotFailed());
    }

    @Test
    void pollInterval_zero_failsTheStart() {
        runner.withPropertyValues("cordon.agent-simulation.poll-interval=0s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("poll-interval"));
    }

    @Test
    void delay_negative_failsTheStart() {
        runner.withPropertyValues("cordon.agent-simulation.delay=-1s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("delay"));
    }
}
