package dev.cordon.standalone.health;

import dev.cordon.standalone.disk.DiskReport;
import dev.cordon.standalone.disk.DiskWatch;
import dev.cordon.standalone.process.Supervisor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Cordon's health as the launcher sees it: the data directory's free space and each child (up, being restarted,
 * how often it was), at the base URL's {@code /health}; the services' own actuator is not routed by the gateway.
 */
@Component
public class LauncherHealth {

    public enum Status { UP, DEGRADED, DOWN }

    /**
     * @param message one plain sentence when not UP, else null
     */
    public record Report(Status status, String message, DiskReport disk, List<Supervisor.Status> children) {
    }

    private final DiskWatch disk;
    private final List<Supervisor> children = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    public LauncherHealth(DiskWatch disk) {
        this.disk = disk;
    }

    public void watch(Supervisor child) {
        children.add(child);
    }

    /** Set once Cordon is ready, cleared once it is stopping. */
    public void running(boolean running) {
        this.running = running;
    }

    public Report report() {
        DiskReport space = disk.report();
        List<Supervisor.Status> statuses = children.stream().map(Supervisor::status).toList();
        if (!running) {
            return new Report(Status.DOWN, "Cordon is starting or stopping.", space, statuses);
        }
        if (space.down()) {
            return new Report(Status.DOWN, space.message(), space, statuses);
        }
        List<String> away = statuses.stream().filter(child -> child.state() != Supervisor.State.UP)
                .map(Supervisor.Status::name).toList();
        if (!away.isEmpty()) {
            return new Report(Status.DEGRADED, "Being restarted: the " + String.join(", the ", away) + ".", space,
                    statuses);
        }
        if (space.status() == DiskReport.Status.DEGRADED) {
            return new Report(Status.DEGRADED, space.message(), space, statuses);
        }
        return new Report(Status.UP, null, space, statuses);
    }
}
