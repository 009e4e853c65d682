package dev.cordon.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.command.config.CordonProperties;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublisherShutdownTest {

    private static PublisherShutdown withCloseTimeout(Duration closeTimeout) {
        return new PublisherShutdown(new CordonProperties(null, null, null, new CordonProperties.Kafka(
                "cordon.device-events", "urn:cordon:command-side", Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 3, null, "unbounded", null, closeTimeout), null));
    }

    /** While running, a batch waits for the broker as long as the send timeout allows. */
    @Test
    void graceOver_whileRunning_neverCompletes() throws Exception {
        PublisherShutdown shutdown = withCloseTimeout(Duration.ofMillis(10));

        Thread.sleep(100);

        assertThat(shutdown.graceOver()).isNotDone();
    }

    /** Once stopping, a batch waits the close timeout at most, then gives up and is published on the next start. */
    @Test
    void graceOver_onceStopping_completesAfterTheCloseTimeout() throws Exception {
        PublisherShutdown shutdown = withCloseTimeout(Duration.ofSeconds(2));

        shutdown.stopping();

        assertThat(shutdown.graceOver()).isNotDone();
        shutdown.graceOver().get(10, TimeUnit.SECONDS);
    }
}
