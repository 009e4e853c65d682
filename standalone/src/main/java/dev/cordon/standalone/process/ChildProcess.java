package dev.cordon.standalone.process;

import dev.cordon.standalone.files.OwnerOnly;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program the launcher started, its output appended to one file, stopped by its PID: SIGTERM, then
 * SIGKILL once the stop timeout has passed. A program that writes its own (rotated) log is started with the output
 * file apart: its stdout then only holds what the JVM says before logging starts or as it dies.
 */
public final class ChildProcess implements Stoppable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    /**
     * A session of its own: a terminal's Ctrl-C goes to the whole foreground process group, which would stop
     * the broker while the services are still flushing to it. Only the launcher gets it, and stops the
     * children in order. Where there is no setsid (macOS), the children simply stop all at once.
     */
    private static final String SETSID = findSetsid();
    private static final File POSIX_SHELL = new File("/bin/sh");
    /**
     * A child's stdout is appended to across restarts; beyond this it is moved aside (one older file kept) at the
     * next start, so that a child that crashes in a loop cannot fill the disk with its output.
     */
    static final long OUTPUT_CAP_BYTES = 10L * 1024 * 1024;

    private final String name;
    private final Process process;
    private final Path output;
    private final Path log;

    private ChildProcess(String name, Process process, Path output, Path log) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.log = log;
    }

    /** A program whose output is its log. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            Path logFile) {
        return start(name, command, environment, logFile, logFile);
    }

    /**
     * @param environment added to the launcher's own environment (so the user's settings reach the child),
     *                    a {@code null} value removes a variable
     * @param output      where its stdout and stderr are appended
     * @param logFile     the log it writes itself (the same file for a program that logs to stdout)
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            Path output, Path logFile) {
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
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")));
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            Files.createDirectories(output.getParent());
            moveAsideIfLarge(output);
            // The output is written by this JVM (the redirect), not the child: made owner-only here.
            OwnerOnly.narrow(output);
            Process process = builder.start();
            LOG.debug("started {} as PID {}: {}", name, process.pid(), full);
            return new ChildProcess(name, process, output, logFile);
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

    /**
     * Where to read why it failed: its own log, or its output while it has written no log yet (a JVM that could not
     * start, a service that died before its logging began).
     */
    public Path log() {
        try {
            return Files.size(log) > 0 ? log : output;
        } catch (IOException missing) {
            return output;
        }
    }

    private static void moveAsideIfLarge(Path output) throws IOException {
        if (Files.exists(output) && Files.size(output) > OUTPUT_CAP_BYTES) {
            Files.move(output, output.resolveSibling(output.getFileName() + ".1"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
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
    @Override
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
