package dev.cordon.standalone.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private final List<ChildProcess> started = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean roomOnDisk = new AtomicBoolean(true);

    @AfterEach
    void stopEverything() {
        stopping.set(true);
        started.forEach(child -> child.stop(Duration.ofSeconds(5)));
    }

    @Test
    void aChildThatDiesOnItsOwn_isStartedAgain_andCounted() {
        Supervisor supervisor = supervise();

        started.get(0).process().destroyForcibly();

        await().atMost(Duration.ofSeconds(20)).until(() -> started.size() == 2 && started.get(1).isAlive()
                && supervisor.status().state() == Supervisor.State.UP);
        assertThat(supervisor.status().restarts()).isEqualTo(1);

        started.get(1).process().destroyForcibly();

        await().atMost(Duration.ofSeconds(20)).until(() -> started.size() == 3 && started.get(2).isAlive()
                && supervisor.status().state() == Supervisor.State.UP);
        assertThat(supervisor.status()).isEqualTo(new Supervisor.Status("query side", Supervisor.State.UP, 2));
    }

    @Test
    void whileTheLauncherStops_nothingIsRestarted() throws Exception {
        Supervisor supervisor = supervise();

        stopping.set(true);
        supervisor.stop(Duration.ofSeconds(5));
        Thread.sleep(500);

        assertThat(started).hasSize(1).noneMatch(ChildProcess::isAlive);
        assertThat(supervisor.status().state()).isEqualTo(Supervisor.State.STOPPED);
    }

    /** A full data directory would only make it fail again: it waits for room, and then starts at once. */
    @Test
    void withoutRoomOnDisk_theRestartWaits_untilThereIs() throws Exception {
        Supervisor supervisor = supervise();
        roomOnDisk.set(false);

        started.get(0).process().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() ->
                supervisor.status().state() == Supervisor.State.WAITING_FOR_SPACE);
        Thread.sleep(500);
        assertThat(started).hasSize(1);
        roomOnDisk.set(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> started.size() == 2 && started.get(1).isAlive());
    }

    /** In a session of its own, so a terminal's Ctrl-C reaches only the launcher, which stops children in order. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void start_putsTheChildInASessionOfItsOwn_underTheSamePid() throws Exception {
        ChildProcess child = start();
        // setsid first makes the session, then becomes the program: look once it has.
        await().atMost(Duration.ofSeconds(5)).until(() -> child.process().info().command().orElse("")
                .endsWith("sleep"));
        String stat = Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertThat(Long.parseLong(fields[3])).as("session id").isEqualTo(child.pid());
    }

    private Supervisor supervise() {
        return new Supervisor(start(), this::start, child -> { }, QUICK, stopping::get, roomOnDisk::get);
    }

    private ChildProcess start() {
        ChildProcess child = ChildProcess.start("query side", List.of("sleep", "60"), Map.of(),
                dir.resolve("q.log"));
        started.add(child);
        return child;
    }
}
