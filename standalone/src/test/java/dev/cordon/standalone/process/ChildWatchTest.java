package dev.cordon.standalone.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        child.stop(java.time.Duration.ofSeconds(5));

        assertThat(stopped.await(2, TimeUnit.SECONDS)).isFalse();
    }

    /** In a session of its own, so a terminal's Ctrl-C reaches only the launcher, which stops children in order. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void start_putsTheChildInASessionOfItsOwn_underTheSamePid() throws Exception {
        ChildProcess child = ChildProcess.start("child", List.of("sleep", "60"), Map.of(), dir.resolve("c.log"));
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long session = Long.parseLong(fields[3]);
            assertThat(session).isEqualTo(child.pid());
            assertThat(child.process().info().command().orElse("")).endsWith("sleep");
        } finally {
            child.stop(java.time.Duration.ofSeconds(5));
        }
    }
}
