package dev.cordon.standalone.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchdogTest {

    @Test
    void whenTheParentIsKilled_theChildIsTold() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        CountDownLatch gone = new CountDownLatch(1);
        try {
            ParentWatchdog.watch(parent.pid(), gone::countDown);
            assertThat(gone.await(1, TimeUnit.SECONDS)).as("told while the parent lives").isFalse();

            parent.destroyForcibly();

            assertThat(gone.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void whenTheParentIsAlreadyGone_theChildIsToldAtOnce() throws Exception {
        Process parent = new ProcessBuilder("true").start();
        parent.waitFor();
        CountDownLatch gone = new CountDownLatch(1);

        ParentWatchdog.watch(parent.pid(), gone::countDown);

        assertThat(gone.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
