package dev.cordon.standalone.disk;

import dev.cordon.standalone.config.StandaloneProperties;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Looks at the data directory's free space every few seconds while Cordon runs: the launcher's health shows it, the
 * gateway refuses commands while it is DOWN, and no child is restarted then. A change is logged in one line.
 */
@Component
public class DiskWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DiskWatch.class);

    private final Path directory;
    private final DiskThresholds thresholds;
    private final ToLongFunction<Path> freeSpace;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cordon-disk-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile DiskReport latest;

    @Autowired
    public DiskWatch(StandaloneProperties properties) {
        this(properties.dataDir().toAbsolutePath().normalize(), thresholds(properties), FreeSpace::of);
        long every = properties.disk().checkInterval().toMillis();
        checker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    DiskWatch(Path directory, DiskThresholds thresholds, ToLongFunction<Path> freeSpace) {
        this.directory = directory;
        this.thresholds = thresholds;
        this.freeSpace = freeSpace;
        this.latest = new DiskReport(DiskReport.Status.UP, directory.toString(), -1, null);
    }

    public static DiskThresholds thresholds(StandaloneProperties properties) {
        return new DiskThresholds(properties.disk().degradedBelow(), properties.disk().downBelow());
    }

    /** The latest look; UP until the data directory exists. */
    public DiskReport report() {
        return latest;
    }

    /** The message while commands cannot be accepted, else null. */
    public String refusal() {
        DiskReport report = latest;
        return report.down() ? report.message() : null;
    }

    DiskReport check() {
        DiskReport previous = latest;
        DiskReport now = thresholds.assess(directory, freeSpace.applyAsLong(directory));
        latest = now;
        if (now.status() != previous.status()) {
            switch (now.status()) {
                case UP -> log.info("The data directory {} has room again ({} MB free)", directory,
                        now.freeBytes() / (1024 * 1024));
                case DEGRADED -> log.warn("{}", now.message());
                case DOWN -> log.error("{}", now.message());
            }
        }
        return now;
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
