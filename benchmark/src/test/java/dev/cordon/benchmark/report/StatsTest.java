package dev.cordon.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void median_ofAnOddAndAnEvenCount_isTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void percentile_isANearestRank_soAlwaysAMeasuredValue() {
        List<Long> latencies = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(Stats.percentile(latencies, 50)).isEqualTo(50L);
        assertThat(Stats.percentile(latencies, 99)).isEqualTo(100L);
        assertThat(Stats.percentile(List.of(7L), 99)).isEqualTo(7L);
    }
}
