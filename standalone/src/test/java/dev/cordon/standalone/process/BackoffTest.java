package dev.cordon.standalone.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    @Test
    void next_afterQuickDeaths_doublesUpToTheMaximum() {
        Duration delay = null;
        StringBuilder delays = new StringBuilder();
        for (int death = 0; death < 8; death++) {
            delay = backoff.next(delay, Duration.ofSeconds(5));
            delays.append(delay.toSeconds()).append(' ');
        }

        assertThat(delays.toString().trim()).isEqualTo("1 2 4 8 16 30 30 30");
    }

    @Test
    void next_afterAStableRun_startsOverFromTheInitialDelay() {
        assertThat(backoff.next(Duration.ofSeconds(30), Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next(Duration.ofSeconds(30), Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aMaximumBelowTheInitialDelay_isRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
