package dev.cordon.standalone.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cordon.standalone.process.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedTest {

    @TempDir
    Path dir;

    private final AtomicInteger starts = new AtomicInteger();

    private ChildProcess sleeper() {
        starts.incrementAndGet();
        return ChildProcess.start("sleeper", List.of("sleep", "60"), Map.of(), dir.resolve("sleeper.log"));
    }

    @Test
    void child_killed_isStartedAgainAfterTheDelay() {
        Supervised supervised = Supervised.start(this::sleeper, Duration.ofMillis(200));
        try {
            long first = supervised.current().pid();
            supervised.current().process().destroyForcibly();

            await().atMost(Duration.ofSeconds(30)).until(() -> supervised.current().pid() != first
                    && supervised.current().isAlive());
            assertThat(supervised.restarts()).isEqualTo(1);
        } finally {
            supervised.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void child_stopped_staysStopped() throws InterruptedException {
        Supervised supervised = Supervised.start(this::sleeper, Duration.ofMillis(100));
        supervised.stop(Duration.ofSeconds(5));

        Thread.sleep(1000);
        assertThat(supervised.current().isAlive()).isFalse();
        assertThat(starts).hasValue(1);
    }
}
