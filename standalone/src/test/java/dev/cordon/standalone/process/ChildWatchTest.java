package dev.cordon.standalone.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ChildWatchTest {

    @TempDir
    Path dir;

    @Test
    void aChildThatDiesOnItsOwn_stopsEverything() throws Exception {
        ChildProcess child = ChildProcess.start("query side", List.of("sleep", "60"), Map.of(), dir.resolve("q.log"));
        CountDownLatch stopped = new CountDownLatch(1);
        ChildWatch.watch(child, () -> false, stopped::countDown);

        child.process().destroyForcibly();

        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aChildTheLauncherStops_isExpectedToExit() throws Exception {
        ChildProcess child = ChildProcess.start("query side", List.of("sleep", "60"), Map.of(), dir.resolve("q.log"));
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        ChildWatch.watch(child, stopping::get, stopped::countDown);

        stopping.set(true);
        child.stop(Duration.ofSeconds(5));

        assertThat(stopped.await(2, TimeUnit.SECONDS)).isFalse();
    }

    /** In a session of its own, so a terminal's Ctrl-C reaches only the launcher, which stops children in order. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void start_putsTheChildInASessionOfItsOwn_underTheSamePid() throws Exception {
        ChildProcess child = ChildProcess.start("child", List.of("sleep", "60"), Map.of(), dir.resolve("c.log"));
        try {
            // setsid first makes the session, then becomes the program: look once it has.
            await().atMost(Duration.ofSeconds(5)).until(() -> child.process().info().command().orElse("")
                    .endsWith("sleep"));
            String stat = Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertThat(Long.parseLong(fields[3])).as("session id").isEqualTo(child.pid());
        } finally {
            child.stop(Duration.ofSeconds(5));
        }
    }
}
