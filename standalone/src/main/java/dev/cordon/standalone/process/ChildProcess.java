package dev.cordon.standalone.process;

import dev.cordon.standalone.files.OwnerOnly;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program the launcher started, its output appended to one log file, stopped by its PID: SIGTERM, then
 * SIGKILL once the stop timeout has passed.
 */
public final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    /**
     * A session of its own: a terminal's Ctrl-C goes to the whole foreground process group, which would stop
     * the broker while the services are still flushing to it. Only the launcher gets it, and stops the
     * children in order. Where there is no setsid (macOS), the children simply stop all at once.
     */
    private static final String SETSID = findSetsid();
    private static final File POSIX_SHELL = new File("/bin/sh");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.log = logFile;
    }

    /**
     * @param environment added to the launcher's own environment (so the user's settings reach the child),
     *                    a {@code null} value removes a variable
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            Path logFile) {
        List<String> full = new ArrayList<>();
        if (SETSID != null) {
            full.add(SETSID);
        }
        if (POSIX_SHELL.canExecute()) {
            // Whatever the child writes (the broker's log segments, the databases' files, its own logs) is its
            // owner's only: every event, comment and device name is in there. exec keeps the PID the child's.
            full.addAll(List.of(POSIX_SHELL.getPath(), "-c", "umask 077 && exec \"$0\" \"$@\""));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")));
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            Files.createDirectories(logFile.getParent());
            // The log is written by this JVM (the redirect), not the child: made owner-only here.
            OwnerOnly.narrow(logFile);
            Process process = builder.start();
            LOG.debug("started {} as PID {}: {}", name, process.pid(), full);
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public Process process() {
        return process;
    }

    /** SIGTERM and a wait, then SIGKILL: the child has its chance to shut down cleanly, but never lingers. */
    public void stop(Duration timeout) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (PID {}) did not stop within {}; killing it", name, pid(), timeout);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }
}
