package dev.cordon.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void theDefaultRun_measuresPostgresqlAndH2_withTheirStartTimes() {
        Plan plan = Plan.fromArguments(List.of());

        assertThat(plan.stores()).containsExactly(Store.POSTGRESQL, Store.H2);
        assertThat(plan.figures()).contains(Figures.ready(Store.POSTGRESQL), Figures.ready(Store.H2),
                Figures.visible(Store.H2, 300));
        assertThat(plan.figures()).noneMatch(figure -> figure.contains(Store.POSTGRESQL_C1.label()));
    }

    @Test
    void jvmCompare_addsPostgresqlOnC1Only_closedLoopAndStartTimeOnly() {
        Plan plan = Plan.fromArguments(List.of("--no-h2", "--jvm-compare"));

        assertThat(plan.stores()).containsExactly(Store.POSTGRESQL, Store.POSTGRESQL_C1);
        assertThat(plan.figures()).contains(Figures.ready(Store.POSTGRESQL_C1),
                Figures.isolate(Store.POSTGRESQL_C1, 16), Figures.isolate(Store.POSTGRESQL_C1, 64));
        assertThat(plan.figures()).doesNotContain(Figures.visible(Store.POSTGRESQL_C1, 100));
        assertThat(Store.POSTGRESQL_C1.environment()).containsEntry("CORDON_JAVA_OPTIONS",
                "-Xmx512m,-XX:+UseSerialGC,-XX:TieredStopAtLevel=1");
        assertThat(Store.POSTGRESQL.environment()).isEmpty();
    }

    @Test
    void warmUp_takesSeconds_andKeepsTheRestOfThePlan() {
        Plan plan = Plan.fromArguments(List.of("--warm-up", "60", "--jvm-compare"));

        assertThat(plan.warmUp()).isEqualTo(Duration.ofSeconds(60));
        assertThat(plan.jvmCompare()).isTrue();
        assertThat(plan.phase()).isEqualTo(Plan.full(true, true).phase());
        assertThatThrownBy(() -> Plan.fromArguments(List.of("--warm-up"))).hasMessageContaining("0 to 3600");
        assertThatThrownBy(() -> Plan.fromArguments(List.of("--warm-up", "a minute")))
                .hasMessageContaining("0 to 3600");
    }

    @Test
    void anUnknownArgument_isRefused() {
        assertThatThrownBy(() -> Plan.fromArguments(List.of("--jit"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--jvm-compare");
    }
}
